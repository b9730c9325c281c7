package dev.crabbox.coordinator.store;

import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a bridge ticket or resume secret is for: the two ends of an egress bridge (the operator's
 * host agent and the lease-side client), or a lease bridge agent of one kind (vnc, code).
 */
public enum BridgeRole {
  HOST,
  CLIENT,
  VNC,
  CODE;

  /** The role of the lease bridge agent of {@code kind}. */
  public static BridgeRole of(LeaseBridgeKind kind) {
    return kind == LeaseBridgeKind.VNC ? VNC : CODE;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The partner of an egress role; lease bridge roles have none. */
  public BridgeRole other() {
    if (this == VNC || this == CODE) {
      throw new IllegalStateException("a lease bridge role has no partner role");
    }
    return this == HOST ? CLIENT : HOST;
  }

  /** Parses the egress roles {@code host} or {@code client} exactly; anything else is empty. */
  public static Optional<BridgeRole> parse(String text) {
    if ("host".equals(text)) {
      return Optional.of(HOST);
    }
    if ("client".equals(text)) {
      return Optional.of(CLIENT);
    }
    return Optional.empty();
  }
}
