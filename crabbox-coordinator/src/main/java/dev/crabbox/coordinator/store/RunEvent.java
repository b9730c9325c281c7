package dev.crabbox.coordinator.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a run. {@code data} is a JSON text or null; {@code seq} orders events and is
 * assigned by the store (ignored on insert).
 */
public record RunEvent(long seq, String type, Instant at, String data) {

  public RunEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
  }
}
