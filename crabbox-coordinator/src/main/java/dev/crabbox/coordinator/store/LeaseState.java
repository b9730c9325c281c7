package dev.crabbox.coordinator.store;

import java.util.Locale;

/**
 * Lifecycle of a lease record: {@code provisioning → active → released | expired}, or
 * {@code provisioning → failed | released}. Only {@link #ACTIVE} leases carry egress and runs.
 */
public enum LeaseState {
  PROVISIONING,
  ACTIVE,
  RELEASED,
  EXPIRED,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Released, expired or failed: nothing more happens to the lease but cleanup. */
  public boolean ended() {
    return this == RELEASED || this == EXPIRED || this == FAILED;
  }

  public static LeaseState parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
