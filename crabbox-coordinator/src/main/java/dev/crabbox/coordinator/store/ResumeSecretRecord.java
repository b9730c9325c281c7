package dev.crabbox.coordinator.store;

import dev.crabbox.coordinator.auth.Caller;
import java.time.Instant;
import java.util.Objects;

/**
 * A single-use reconnect credential, stored as its SHA-256 hash and bound to lease, session and
 * role, with the caller whose ticket opened the socket it resumes ({@code null} in rows written
 * before the coordinator recorded it).
 */
public record ResumeSecretRecord(
    String hash,
    String leaseId,
    String sessionId,
    BridgeRole role,
    Caller holder,
    Instant createdAt,
    Instant consumedAt) {

  public ResumeSecretRecord {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(role, "role");
  }
}
