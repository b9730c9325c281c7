package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.store.BridgeRole;

/** WebSocket close codes and texts the coordinator sends to bridge peers (CONTRACTS.md). */
public final class CloseReasons {

  /** Service restart (RFC 6455): a newer session or socket took over; fatal for agents. */
  public static final short REPLACED_CODE = 1012;
  public static final String REPLACED = "replaced by a newer egress session";
  /** Internal error (RFC 6455): the paired peer went away; agents reconnect. */
  public static final short PEER_LEFT_CODE = 1011;
  /** Policy violation (RFC 6455): the lease is over; fatal for agents. */
  public static final short LEASE_OVER_CODE = 1008;
  public static final String LEASE_ENDED = "lease ended";
  public static final String LEASE_EXPIRED = "lease expired";
  /** The socket's caller lost the access it needs (a share was removed or lowered). */
  public static final String ACCESS_REVOKED = "lease access revoked";
  /** Going away (RFC 6455): idle peer or coordinator shutdown; agents reconnect. */
  public static final short GOING_AWAY_CODE = 1001;
  public static final String IDLE = "idle timeout";
  public static final String SHUTDOWN = "coordinator shutting down";

  private CloseReasons() {}

  /** Text sent to the remaining peer when {@code gone} left. */
  public static String peerLeft(BridgeRole gone) {
    return gone == BridgeRole.HOST ? "egress host disconnected" : "egress client disconnected";
  }
}
