package dev.crabbox.coordinator.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored external runner: a machine another system (Blacksmith Testbox) owns, reported by the
 * operator who synced it. Crabbox only shows it; it never stops, expires or bills it.
 * {@code status} is the provider's word ({@code queued}, {@code running}, {@code completed},
 * {@code unknown}); {@code runId} is the inferred GitHub Actions run id.
 */
public record RunnerRecord(
    String provider,
    String id,
    String name,
    String owner,
    String org,
    String status,
    String repo,
    String workflow,
    String runId,
    String job,
    Map<String, String> labels,
    Instant createdAt,
    Instant startedAt,
    Instant firstSeenAt,
    Instant lastSeenAt,
    boolean stale,
    Instant staleSince) {

  public RunnerRecord {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    org = org == null ? "" : org;
    labels = labels == null
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
  }
}
