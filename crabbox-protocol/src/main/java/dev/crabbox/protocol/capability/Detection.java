package dev.crabbox.protocol.capability;

/** How Crabbox learns whether a lease of a provider has a capability it supports. */
public enum Detection {
  /**
   * From the capability label written on the lease record at creation ({@code desktop=true}); the
   * provider provisions the capability itself (managed hosts Crabbox bootstraps).
   */
  LABEL,
  /**
   * Probe-by-probe on the host before a run (loopback VNC port, browser binary); no labels are
   * enforced because Crabbox does not install the software there.
   */
  PROBE
}
