package dev.crabbox.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A lease's egress session: the current one while {@code endedAt} is null. A lease has at most
 * one record; a new session id overwrites it.
 */
public record EgressSessionRecord(
    String leaseId,
    String sessionId,
    String profile,
    List<String> allow,
    Instant createdAt,
    Instant updatedAt,
    Instant endedAt) {

  public EgressSessionRecord {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(sessionId, "sessionId");
    profile = profile == null ? "" : profile;
    allow = allow == null ? List.of() : List.copyOf(allow);
  }

  public boolean current() {
    return endedAt == null;
  }
}
