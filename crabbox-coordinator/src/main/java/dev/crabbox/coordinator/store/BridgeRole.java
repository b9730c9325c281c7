package dev.crabbox.coordinator.store;

import java.util.Locale;
import java.util.Optional;

/** The two ends of an egress bridge: the operator's host agent and the lease-side client. */
public enum BridgeRole {
  HOST,
  CLIENT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public BridgeRole other() {
    return this == HOST ? CLIENT : HOST;
  }

  /** Parses {@code host} or {@code client} exactly; anything else is empty. */
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
