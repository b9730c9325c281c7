package dev.crabbox.coordinator.store;

import java.time.Instant;
import java.util.Objects;

/** A Linux telemetry sample of a lease, taken during a run ({@code runId} may be null). */
public record TelemetrySample(String leaseId, String runId, Instant at, double load1,
    double memoryPercent, double diskPercent) {

  public TelemetrySample {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(at, "at");
  }
}
