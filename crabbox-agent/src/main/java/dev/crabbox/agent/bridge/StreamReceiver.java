package dev.crabbox.agent.bridge;

import dev.crabbox.protocol.frame.ReceiveWindow;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The bridge-to-socket half of a stream: writes DATA payloads to the sink and grants the peer new
 * credit as those writes complete, so a sink that stops reading stops its own stream and no other.
 * Bytes that arrive before a sink is attached wait here (the proxy attaches the browser socket
 * only after it wrote {@code 200 Connection Established}, so data a server sends first comes after).
 * In v1 there is no credit: a full sink pauses the whole WebSocket instead.
 */
final class StreamReceiver {

  private final BridgeLink link;
  private final ReceiveWindow window;
  private final IntConsumer grant;
  private final List<Buffer> early = new ArrayList<>();
  private WriteStream<Buffer> sink;
  private boolean discarding;

  /**
   * @param window null in v1 (no credit)
   * @param grant  sends a WINDOW frame with the given increment
   */
  StreamReceiver(BridgeLink link, ReceiveWindow window, IntConsumer grant) {
    this.link = link;
    this.window = window;
    this.grant = grant;
  }

  /** Accepts one DATA payload; false when the peer sent beyond its credit. */
  boolean onData(Buffer payload) {
    if (window != null && !window.onReceived(payload.length())) {
      return false;
    }
    if (discarding) {
      consumed(payload.length());
    } else if (sink == null) {
      early.add(payload);
    } else {
      write(payload);
    }
    return true;
  }

  /** Starts writing to {@code sink}, beginning with bytes that arrived before. */
  void attach(WriteStream<Buffer> sink) {
    this.sink = sink;
    if (discarding) {
      return;
    }
    List<Buffer> pending = new ArrayList<>(early);
    early.clear();
    pending.forEach(this::write);
  }

  /**
   * The sink is gone (socket closed, or the proxy moved on to another target): drop further
   * bytes but keep granting credit, so the peer can finish its side and send FIN.
   */
  void discard() {
    if (discarding) {
      return;
    }
    discarding = true;
    sink = null;
    int dropped = early.stream().mapToInt(Buffer::length).sum();
    early.clear();
    consumed(dropped);
    link.resumeInbound(this);
  }

  /** The stream is gone: no more grants, and release a v1 pause this stream caused. */
  void close() {
    discarding = true;
    sink = null;
    early.clear();
    link.resumeInbound(this);
  }

  private void write(Buffer payload) {
    int length = payload.length();
    WriteStream<Buffer> target = sink;
    // A failed write (socket closed) also counts as consumed: those bytes are gone either way,
    // and withholding their credit could leave the peer unable to send its FIN.
    target.write(payload).onComplete(ar -> consumed(length));
    if (window == null && target.writeQueueFull()) {
      link.pauseInbound(this);
      target.drainHandler(v -> link.resumeInbound(this));
    }
  }

  private void consumed(int bytes) {
    if (window == null || bytes == 0) {
      return;
    }
    // The window grows only while the destination drains as fast as data arrives.
    WriteStream<Buffer> destination = sink;
    int increment = window.onConsumed(bytes, destination != null && !destination.writeQueueFull());
    if (increment > 0) {
      grant.accept(increment);
    }
  }
}
