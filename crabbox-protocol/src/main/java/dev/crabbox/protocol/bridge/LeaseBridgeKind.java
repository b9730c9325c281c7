package dev.crabbox.protocol.bridge;

import dev.crabbox.protocol.capability.Capability;
import java.util.Optional;

/**
 * The lease-side bridges the portal opens through the lease bridge agent, each reaching exactly
 * one fixed loopback port on the lease (never an open relay): {@code vnc} the VNC server at
 * 127.0.0.1:5900 (spec 003 Desktop), {@code code} code-server at 127.0.0.1:8080 (spec 003 Code).
 */
public enum LeaseBridgeKind {
  VNC("vnc", 5900, Capability.DESKTOP),
  CODE("code", 8080, Capability.CODE);

  /** The only host a lease bridge connects to. */
  public static final String LOOPBACK_HOST = "127.0.0.1";

  private final String wire;
  private final int port;
  private final Capability capability;

  LeaseBridgeKind(String wire, int port, Capability capability) {
    this.wire = wire;
    this.port = port;
    this.capability = capability;
  }

  /** The name in URLs, tickets and on the agent's command line: {@code vnc} or {@code code}. */
  public String wire() {
    return wire;
  }

  /** The lease's loopback port this bridge reaches. */
  public int port() {
    return port;
  }

  /** The lease capability that must be present for this bridge. */
  public Capability capability() {
    return capability;
  }

  /** Parses {@code vnc} or {@code code} exactly; anything else is empty. */
  public static Optional<LeaseBridgeKind> parse(String text) {
    for (LeaseBridgeKind kind : values()) {
      if (kind.wire.equals(text)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
