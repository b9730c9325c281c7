package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.bridge.LeaseBridgeException;
import dev.crabbox.coordinator.bridge.LeaseBridgeStream;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.nio.charset.StandardCharsets;

/**
 * A lease bridge stream whose agent is connected to another node, carried over a node-to-node
 * WebSocket to that node ({@link BridgeRelayRoute}): binary messages are the stream's bytes, the
 * text message {@value #FIN} a half-close in its direction, a close with {@link #FAILED} a reset
 * of the lease side (its reason the agent's), and an early close from here a reset. Backpressure
 * is the WebSocket's: writes report a full queue while the socket's is full, and pausing the
 * stream pauses the socket, so the owner node stops reading its agent stream.
 */
final class RemoteBridgeStream implements LeaseBridgeStream {

  /** The half-close message. */
  static final String FIN = "fin";
  /** The close code of a stream the lease side reset. */
  static final short FAILED = 1011;
  /** WebSocket close reasons are at most 123 bytes. */
  private static final int MAX_REASON_BYTES = 123;

  private final WebSocket socket;
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;
  private boolean finSent;
  private boolean finReceived;
  private boolean reset;
  private boolean started;

  RemoteBridgeStream(WebSocket socket) {
    this.socket = socket;
    // Nothing is read (and lost) before the caller's handler is in place.
    socket.pause();
    socket.binaryMessageHandler(bytes -> {
      if (handler != null) {
        handler.handle(bytes);
      }
    });
    socket.textMessageHandler(text -> {
      if (FIN.equals(text)) {
        finReceived = true;
        if (endHandler != null) {
          endHandler.handle(null);
        }
      }
    });
    socket.closeHandler(v -> onClosed());
  }

  private void onClosed() {
    if (reset || finSent && finReceived) {
      return;
    }
    reset = true;
    String reason = socket.closeReason();
    LeaseBridgeException failure = new LeaseBridgeException(reason == null || reason.isEmpty()
        ? "the node holding the lease bridge agent went away" : reason);
    if (exceptionHandler != null) {
      exceptionHandler.handle(failure);
    }
  }

  @Override
  public void reset(String reason) {
    if (!reset) {
      reset = true;
      socket.close((short) 1000, closeReason(reason));
    }
  }

  @Override
  public Future<Void> write(Buffer data) {
    if (reset) {
      return Future.failedFuture(new LeaseBridgeException("the bridge stream was reset"));
    }
    // Messages no larger than an agent's DATA frame stay within every node's message limit.
    Future<Void> written = Future.succeededFuture();
    for (int from = 0; from < data.length(); from += WireLimits.MAX_DATA_PAYLOAD) {
      written = socket.writeBinaryMessage(data.slice(from,
          Math.min(data.length(), from + WireLimits.MAX_DATA_PAYLOAD)));
    }
    return written;
  }

  @Override
  public Future<Void> end() {
    if (reset || finSent) {
      return Future.succeededFuture();
    }
    finSent = true;
    return socket.writeTextMessage(FIN);
  }

  @Override
  public boolean writeQueueFull() {
    return !reset && socket.writeQueueFull();
  }

  @Override
  public RemoteBridgeStream drainHandler(Handler<Void> handler) {
    socket.drainHandler(handler);
    return this;
  }

  @Override
  public RemoteBridgeStream setWriteQueueMaxSize(int maxSize) {
    socket.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public RemoteBridgeStream exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public RemoteBridgeStream handler(Handler<Buffer> handler) {
    this.handler = handler;
    if (handler != null && !started) {
      started = true;
      socket.resume();
    }
    return this;
  }

  @Override
  public RemoteBridgeStream endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }

  @Override
  public RemoteBridgeStream pause() {
    socket.pause();
    return this;
  }

  @Override
  public RemoteBridgeStream resume() {
    socket.resume();
    return this;
  }

  @Override
  public RemoteBridgeStream fetch(long amount) {
    socket.fetch(amount);
    return this;
  }

  /** {@code reason} cut to what a close frame may carry. */
  static String closeReason(String reason) {
    String text = reason == null ? "" : reason;
    while (text.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }
}
