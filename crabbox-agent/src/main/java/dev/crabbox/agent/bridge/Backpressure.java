package dev.crabbox.agent.bridge;

import io.vertx.core.net.NetSocket;

/**
 * The one backpressure rule of this module (DESIGN.md §7): after handing bytes to a stream, stop
 * reading the source socket while the stream cannot take more — no credit left, bytes waiting, or
 * the WebSocket's write queue full — and read again once a WINDOW or a drain makes room. Each
 * stream has its own credit, so a stalled stream holds back only its own socket.
 */
public final class Backpressure {

  private Backpressure() {}

  /** Stops reading {@code source} until {@code stream} is writable again; no-op when it is writable. */
  public static void pauseWhileBlocked(NetSocket source, BridgeStream stream) {
    if (!stream.writable()) {
      SocketReads.pause(source);
      stream.whenWritable(() -> SocketReads.resume(source));
    }
  }
}
