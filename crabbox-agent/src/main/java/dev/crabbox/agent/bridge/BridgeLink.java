package dev.crabbox.agent.bridge;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.FrameType;
import dev.crabbox.protocol.frame.V1Codec;
import dev.crabbox.protocol.frame.V2Codec;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upgraded bridge WebSocket and the streams multiplexed on it. Encodes frames with the codec
 * the upgrade negotiated, routes inbound frames to their {@link BridgeStream}, pings the peer and
 * closes the socket when the peer has been silent too long. When the socket closes every stream on
 * it is reset: a reconnect gets a new link, and only new streams use it.
 *
 * <p>Everything runs on the owning verticle's context.
 */
public final class BridgeLink {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeLink.class);
  private static final short CLOSE_GOING_AWAY = 1001;

  private final Vertx vertx;
  private final WebSocket socket;
  private final WireVersion wire;
  private final V1Codec v1;
  private final LinkHandler handler;
  private final Map<Integer, BridgeStream> streams = new HashMap<>();
  private final Set<Object> inboundPausers = new HashSet<>();
  private List<Runnable> drainWaiters = new ArrayList<>();
  private final long idleTimeoutMs;
  private final long pingTimer;
  private final long idleTimer;
  private Handler<Void> closeHandler;
  private long lastHeard;
  private final StreamIds streamIds;
  private int malformed;
  private boolean open = true;

  BridgeLink(Vertx vertx, WebSocket socket, WireVersion wire, LinkHandler handler, BridgeSettings settings,
      StreamIds streamIds) {
    this.vertx = vertx;
    this.streamIds = streamIds;
    this.socket = socket;
    this.wire = wire;
    this.v1 = wire == WireVersion.V1 ? new V1Codec() : null;
    this.handler = handler;
    this.idleTimeoutMs = settings.idleTimeout().toMillis();
    this.lastHeard = System.nanoTime();
    socket.binaryMessageHandler(this::onBinary);
    socket.textMessageHandler(this::onText);
    socket.pongHandler(pong -> heard());
    socket.drainHandler(v -> onDrain());
    socket.exceptionHandler(error -> LOG.debug("bridge socket error: {}", error.toString()));
    socket.closeHandler(v -> onClosed());
    this.pingTimer = vertx.setPeriodic(settings.pingInterval().toMillis(), id -> ping());
    this.idleTimer = vertx.setPeriodic(Math.max(1, idleTimeoutMs / 4), id -> checkIdle());
  }

  public WireVersion wire() {
    return wire;
  }

  public boolean isOpen() {
    return open;
  }

  /** Number of live streams (for tests and status). */
  public int streamCount() {
    return streams.size();
  }

  /** Opens a new client-side stream: registers it and sends OPEN. */
  public BridgeStream openStream(String host, int port, StreamEvents events) {
    int id = streamIds.next();
    while (streams.containsKey(id)) {
      id = streamIds.next();
    }
    BridgeStream stream = register(id);
    stream.events(events);
    sendFrame(new Frame.Open(id, host, port));
    return stream;
  }

  /** Host side: registers the stream the peer asked for in {@code open}. */
  public BridgeStream accept(Frame.Open open) {
    return register(open.stream());
  }

  void onClose(Handler<Void> handler) {
    this.closeHandler = handler;
  }

  /** Closes the WebSocket; streams are reset once it is closed. */
  public void close(short code, String reason) {
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }

  /** Close code and reason the socket ended with (null when it dropped without a close frame). */
  Short closeStatusCode() {
    return socket.closeStatusCode();
  }

  String closeReason() {
    return socket.closeReason();
  }

  private BridgeStream register(int id) {
    BridgeStream stream = new BridgeStream(this, id, wire == WireVersion.V2);
    streams.put(id, stream);
    return stream;
  }

  // ---- outbound ----

  void sendFrame(Frame frame) {
    if (!open) {
      return;
    }
    if (v1 == null) {
      socket.writeBinaryMessage(Buffer.buffer(V2Codec.encode(frame)));
    } else {
      v1.encode(frame).ifPresent(socket::writeTextMessage);
    }
  }

  void sendData(int stream, Buffer chunk) {
    if (!open) {
      return;
    }
    if (v1 == null) {
      Buffer message = Buffer.buffer(5 + chunk.length())
          .appendBytes(V2Codec.header(FrameType.DATA, stream))
          .appendBuffer(chunk);
      socket.writeBinaryMessage(message);
    } else {
      sendFrame(new Frame.Data(stream, chunk.getBytes()));
    }
  }

  void sendFin(int stream) {
    sendFrame(new Frame.Fin(stream));
  }

  boolean writeQueueFull() {
    return open && socket.writeQueueFull();
  }

  /** Runs {@code waiter} once, at the WebSocket's next drain. */
  void whenDrained(Runnable waiter) {
    drainWaiters.add(waiter);
  }

  private void onDrain() {
    List<Runnable> waiters = drainWaiters;
    drainWaiters = new ArrayList<>();
    waiters.forEach(Runnable::run);
  }

  // ---- v1 inbound backpressure (no credit: a full sink pauses the whole socket) ----

  void pauseInbound(Object who) {
    if (inboundPausers.add(who) && inboundPausers.size() == 1) {
      socket.pause();
    }
  }

  void resumeInbound(Object who) {
    if (inboundPausers.remove(who) && inboundPausers.isEmpty()) {
      socket.resume();
    }
  }

  // ---- inbound ----

  private void onBinary(Buffer message) {
    heard();
    if (v1 != null) {
      malformed("binary message on a v1 (JSON) bridge", -1, false);
      return;
    }
    if (isDataFrame(message)) {
      onDataFrame(message.getInt(1), message.slice(WireLimits.V2_HEADER_BYTES, message.length()));
      return;
    }
    byte[] bytes = message.getBytes();
    Frame frame;
    try {
      frame = V2Codec.decode(bytes);
    } catch (FrameDecodeException e) {
      boolean identifiable = bytes.length >= 5;
      malformed(e.reason() + ": " + e.getMessage(), identifiable ? V2Codec.peekStream(bytes) : -1, identifiable);
      return;
    }
    dispatch(frame);
  }

  /** DATA is the hot path: recognised by its header and passed on as a slice, never copied. */
  private static boolean isDataFrame(Buffer message) {
    int length = message.length();
    return length >= WireLimits.V2_HEADER_BYTES && length <= WireLimits.MAX_V2_MESSAGE
        && message.getUnsignedByte(0) == FrameType.DATA.code();
  }

  private void onDataFrame(int id, Buffer payload) {
    BridgeStream stream = streams.get(id);
    if (stream != null) {
      stream.onData(payload);
    } else {
      sendFrame(new Frame.Rst(id, "unknown stream"));
    }
  }

  private void onText(String message) {
    heard();
    if (v1 == null) {
      malformed("text message on a v2 (binary) bridge", -1, false);
      return;
    }
    Frame frame;
    try {
      frame = v1.decode(message);
    } catch (FrameDecodeException e) {
      // A v1 message that does not decode has no stream id we could trust.
      malformed(e.reason() + ": " + e.getMessage(), -1, false);
      return;
    }
    dispatch(frame);
  }

  private void dispatch(Frame frame) {
    BridgeStream stream = streams.get(frame.stream());
    if (frame instanceof Frame.Open open) {
      if (stream == null) {
        handler.onOpen(this, open);
      } else {
        stream.onFrame(frame);
      }
      return;
    }
    if (stream != null) {
      stream.onFrame(frame);
      return;
    }
    // A stream we no longer know: tell the peer for frames that expect the stream to be alive.
    if (frame.type() == FrameType.OPEN_OK || frame.type() == FrameType.DATA) {
      sendFrame(new Frame.Rst(frame.stream(), "unknown stream"));
    }
    if (v1 != null) {
      v1.forget(frame.stream());
    }
  }

  /** Malformed frames are logged once per link, answered with RST when the stream is known. */
  private void malformed(String detail, int stream, boolean identifiable) {
    malformed++;
    if (malformed == 1) {
      LOG.warn("malformed bridge frame ({}); later ones on this connection are logged at debug", detail);
    } else {
      LOG.debug("malformed bridge frame #{} ({})", malformed, detail);
    }
    if (!identifiable) {
      return;
    }
    BridgeStream known = streams.get(stream);
    if (known != null) {
      known.abort("protocol error: malformed frame");
    } else {
      sendFrame(new Frame.Rst(stream, "protocol error: malformed frame"));
    }
  }

  void forget(int stream) {
    streams.remove(stream);
    if (v1 != null) {
      v1.forget(stream);
    }
  }

  // ---- liveness ----

  private void heard() {
    lastHeard = System.nanoTime();
  }

  private void ping() {
    if (open) {
      socket.writePing(Buffer.buffer());
    }
  }

  private void checkIdle() {
    if (!inboundPausers.isEmpty()) {
      // We stopped reading (v1 backpressure), so pongs cannot reach us: silence is ours, not the
      // peer's. The clock restarts when we read again.
      heard();
      return;
    }
    long silentMs = (System.nanoTime() - lastHeard) / 1_000_000;
    if (open && silentMs > idleTimeoutMs) {
      LOG.info("bridge peer silent for {} ms; closing the connection", silentMs);
      close(CLOSE_GOING_AWAY, "peer silent");
    }
  }

  private void onClosed() {
    if (!open) {
      return;
    }
    open = false;
    vertx.cancelTimer(pingTimer);
    vertx.cancelTimer(idleTimer);
    List<BridgeStream> live = new ArrayList<>(streams.values());
    streams.clear();
    live.forEach(BridgeStream::onLinkLost);
    drainWaiters.clear();
    if (closeHandler != null) {
      closeHandler.handle(null);
    }
  }
}
