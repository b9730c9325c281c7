package dev.crabbox.agent;

import java.time.Duration;

/**
 * Bridge life-cycle events for banners and status lines. Called on the owning verticle's context;
 * implementations must not block.
 */
public interface BridgeListener {

  /** A WebSocket upgrade succeeded (first connection or a reconnect). */
  default void onConnected(BridgeSession session) {}

  /**
   * The bridge is not connected — a drop, or a failed attempt before or between connections —
   * and will try again after {@code retryIn}.
   */
  default void onDisconnected(String reason, Duration retryIn) {}

  /** The bridge gave up for good. */
  default void onFatal(BridgeFailure failure) {}

  /** A listener that ignores every event. */
  static BridgeListener none() {
    return new BridgeListener() {};
  }
}
