package dev.crabbox.coordinator.cluster;

import io.vertx.core.http.WebSocketBase;
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

  private static void holdWhileFull(WebSocketBase from, WebSocketBase to) {
    if (to.isClosed() || !to.writeQueueFull()) {
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
