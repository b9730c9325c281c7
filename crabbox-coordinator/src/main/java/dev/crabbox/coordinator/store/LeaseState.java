package dev.crabbox.coordinator.store;

import java.util.Locale;

/** Lifecycle of a lease record. Only {@link #ACTIVE} leases carry egress. */
public enum LeaseState {
  ACTIVE,
  RELEASED,
  EXPIRED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LeaseState parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
