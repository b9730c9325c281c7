package dev.crabbox.coordinator.cluster;

import io.vertx.core.http.WebSocketBase;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import java.util.function.LongConsumer;

/**
 * Forwards every message of one WebSocket to another, unchanged (binary stays binary, text stays
 * text), with backpressure: the source is paused while the sink's write queue is full and resumed
 * when it drains, as Vert.x's own pipe does. Used twice per relayed socket, once per direction,
 * so that a slow reader on either side slows its writer across both nodes.
 */
final class WebSocketPipe {

  private WebSocketPipe() {}

  static void forward(WebSocketBase from, WebSocketBase to, LongConsumer bytesForwarded) {
    from.binaryMessageHandler(message -> {
      to.writeBinaryMessage(message);
      bytesForwarded.accept(message.length());
      holdWhileFull(from, to);
    });
    from.textMessageHandler(message -> {
      to.writeTextMessage(message);
      bytesForwarded.accept(message.length());
      holdWhileFull(from, to);
    });
  }

  /**
   * After a write to {@code to}: pauses {@code from} while {@code to}'s write queue is full,
   * resuming it when {@code to} drains.
   */
  static void holdWhileFull(ReadStream<?> from, WriteStream<?> to) {
    if (to instanceof WebSocketBase socket && socket.isClosed() || !to.writeQueueFull()) {
      return;
    }
    from.pause();
    to.drainHandler(drained -> from.resume());
    // It may have drained before the handler was in place.
    if (!to.writeQueueFull()) {
      from.resume();
    }
  }
}
