package dev.crabbox.coordinator.store;

import dev.crabbox.coordinator.auth.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * A one-use egress ticket as stored: only its SHA-256 hash, and what it is bound to (lease,
 * bridge role, session, and the owner/org/role of the caller who minted it).
 */
public record TicketRecord(
    String hash,
    String leaseId,
    BridgeRole role,
    String sessionId,
    String owner,
    String org,
    Role userRole,
    Instant createdAt,
    Instant expiresAt,
    Instant consumedAt) {

  public TicketRecord {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(sessionId, "sessionId");
    org = org == null ? "" : org;
  }
}
