package dev.crabbox.agent.bridge;

import dev.crabbox.protocol.frame.SendWindow;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * The socket-to-bridge half of a stream: cuts bytes into DATA frames and sends them only within
 * the stream's send credit (v2). Bytes beyond the credit wait here; the caller pauses its source
 * while {@link #writable()} is false, so at most one socket read is ever queued per stream.
 * In v1 there is no credit and only the WebSocket's own write queue pushes back.
 */
final class StreamSender {

  private final BridgeLink link;
  private final int stream;
  private final SendWindow window;
  private final int maxChunk;
  private final ArrayDeque<Buffer> waiting = new ArrayDeque<>();
  private boolean finRequested;
  private boolean finSent;
  private final Runnable onFinSent;
  private Runnable onWritable;

  StreamSender(BridgeLink link, int stream, boolean creditControlled, Runnable onFinSent) {
    this.link = link;
    this.stream = stream;
    this.onFinSent = onFinSent;
    this.window = creditControlled ? new SendWindow() : null;
    this.maxChunk = creditControlled ? WireLimits.MAX_DATA_PAYLOAD : WireLimits.V1_READ_CHUNK;
  }

  /** Sends what the credit allows now and keeps the rest for later WINDOW frames. */
  void send(Buffer bytes) {
    if (finRequested || bytes.length() == 0) {
      return;
    }
    waiting.add(bytes);
    flush();
  }

  /** Sends FIN once every waiting byte went out, then runs the FIN callback. */
  void finish() {
    finRequested = true;
    flush();
  }

  boolean finSent() {
    return finSent;
  }

  /** True when the source may produce more: nothing waiting, credit left, WebSocket not full. */
  boolean writable() {
    return waiting.isEmpty() && (window == null || !window.exhausted()) && !link.writeQueueFull();
  }

  /** Runs {@code callback} once, when {@link #writable()} turns true (WINDOW or WebSocket drain). */
  void whenWritable(Runnable callback) {
    onWritable = callback;
    if (waiting.isEmpty() && (window == null || !window.exhausted()) && link.writeQueueFull()) {
      link.whenDrained(this::notifyIfWritable);
    }
  }

  /** Adds credit from a WINDOW frame; false on overflow (a protocol violation). */
  boolean onWindow(int increment) {
    if (window == null) {
      return true;
    }
    if (!window.grant(increment)) {
      return false;
    }
    flush();
    notifyIfWritable();
    return true;
  }

  /** Drops everything waiting; the stream is being torn down. */
  void abandon() {
    waiting.clear();
    onWritable = null;
    finRequested = true;
    finSent = true;
  }

  private void flush() {
    while (!waiting.isEmpty() && link.isOpen()) {
      Buffer head = waiting.peek();
      int wanted = Math.min(head.length(), maxChunk);
      int granted = window == null ? wanted : window.take(wanted);
      if (granted == 0) {
        break;
      }
      link.sendData(stream, head.slice(0, granted));
      if (granted == head.length()) {
        waiting.poll();
      } else {
        waiting.poll();
        waiting.addFirst(head.slice(granted, head.length()));
      }
    }
    if (finRequested && !finSent && waiting.isEmpty()) {
      finSent = true;
      link.sendFin(stream);
      onFinSent.run();
    }
  }

  private void notifyIfWritable() {
    Runnable callback = onWritable;
    if (callback == null) {
      return;
    }
    if (writable()) {
      onWritable = null;
      callback.run();
    } else if (waiting.isEmpty() && (window == null || !window.exhausted())) {
      // Credit is there but the WebSocket is full: wait for its drain instead.
      link.whenDrained(this::notifyIfWritable);
    }
  }
}
