package dev.crabbox.coordinator.store;

import java.time.Instant;
import java.util.Objects;

/** A stored run: a command run on a lease, recorded by the agent that runs it. */
public record RunRecord(
    String id,
    String leaseId,
    String leaseSlug,
    String owner,
    String org,
    String provider,
    String command,
    RunState state,
    Instant startedAt,
    Instant endedAt,
    Integer exitCode) {

  public RunRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    org = org == null ? "" : org;
  }

  public boolean running() {
    return state == RunState.RUNNING;
  }
}
