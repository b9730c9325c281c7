package dev.crabbox.coordinator.bridge;

import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.FrameType;
import dev.crabbox.protocol.frame.V2Codec;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected lease bridge agent: its v2 WebSocket and the streams the coordinator opened on
 * it. The coordinator is the opening side here (it sends OPEN, the agent dials its loopback port),
 * so stream ids are ours. Pings the agent and closes it when silent; when the socket closes every
 * stream is reset. Everything runs on the socket's context.
 */
final class AgentSocket {

  private static final Logger LOG = LoggerFactory.getLogger(AgentSocket.class);
  private static final short GOING_AWAY = 1001;

  private final String leaseId;
  private final LeaseBridgeKind kind;
  private final ServerWebSocket ws;
  private final Context context;
  private final Map<Integer, AgentStream> streams = new HashMap<>();
  private final Promise<Void> closed = Promise.promise();
  private final long idleTimeoutNanos;
  private long pingTimer = -1;
  private long lastHeard = System.nanoTime();
  private int nextId = 1;
  private boolean warnedMalformed;

  private AgentSocket(String leaseId, LeaseBridgeKind kind, ServerWebSocket ws, Context context,
      Duration idleTimeout) {
    this.leaseId = leaseId;
    this.kind = kind;
    this.ws = ws;
    this.context = context;
    this.idleTimeoutNanos = idleTimeout.toNanos();
  }

  /** Wraps a freshly upgraded socket and starts pinging it every {@code pingInterval}. */
  static AgentSocket start(String leaseId, LeaseBridgeKind kind, ServerWebSocket ws, Context context,
      Duration pingInterval, Duration idleTimeout) {
    AgentSocket agent = new AgentSocket(leaseId, kind, ws, context, idleTimeout);
    ws.binaryMessageHandler(agent::onBinary);
    ws.textMessageHandler(text -> agent.malformed("text message on a v2 (binary) lease bridge"));
    ws.pongHandler(pong -> agent.heard());
    ws.drainHandler(v -> agent.onDrain());
    ws.exceptionHandler(e -> LOG.debug("{} bridge agent of lease {}: {}", kind.wire(), leaseId, e.toString()));
    ws.closeHandler(v -> agent.onClosed());
    agent.pingTimer = context.owner().setPeriodic(pingInterval.toMillis(), id -> agent.pingOrExpire());
    return agent;
  }

  LeaseBridgeKind kind() {
    return kind;
  }

  Context context() {
    return context;
  }

  boolean isOpen() {
    return !closed.future().isComplete() && !ws.isClosed();
  }

  /** Completes when the socket has closed, whoever closed it. */
  Future<Void> closed() {
    return closed.future();
  }

  /** Opens a stream to the kind's loopback port; completes at OPEN_OK. Call on {@link #context()}. */
  Future<AgentStream> open() {
    if (!isOpen()) {
      return Future.failedFuture(new LeaseBridgeException("the " + kind.wire() + " bridge agent disconnected"));
    }
    int id = nextId;
    while (streams.containsKey(id)) {
      id = id == Integer.MAX_VALUE ? 1 : id + 1;
    }
    nextId = id == Integer.MAX_VALUE ? 1 : id + 1;
    AgentStream stream = new AgentStream(this, id);
    streams.put(id, stream);
    send(new Frame.Open(id, LeaseBridgeKind.LOOPBACK_HOST, kind.port()));
    return stream.opened();
  }

  /** Closes the socket with {@code code}; completes once it is closed. */
  Future<Void> close(short code, String reason) {
    if (!ws.isClosed()) {
      ws.close(code, reason);
    }
    return closed();
  }

  int streamCount() {
    return streams.size();
  }

  // ---- used by streams ----

  void send(Frame frame) {
    if (!ws.isClosed()) {
      ws.writeBinaryMessage(Buffer.buffer(V2Codec.encode(frame)));
    }
  }

  void sendData(int stream, Buffer chunk) {
    if (!ws.isClosed()) {
      ws.writeBinaryMessage(Buffer.buffer(WireLimits.V2_HEADER_BYTES + chunk.length())
          .appendBytes(V2Codec.header(FrameType.DATA, stream))
          .appendBuffer(chunk));
    }
  }

  boolean writeQueueFull() {
    return !ws.isClosed() && ws.writeQueueFull();
  }

  void forget(int stream) {
    streams.remove(stream);
  }

  // ---- inbound ----

  private void onBinary(Buffer message) {
    heard();
    int length = message.length();
    if (length >= WireLimits.V2_HEADER_BYTES && length <= WireLimits.MAX_V2_MESSAGE
        && message.getUnsignedByte(0) == FrameType.DATA.code()) {
      int id = message.getInt(1);
      AgentStream stream = streams.get(id);
      if (stream != null) {
        stream.onData(message.slice(WireLimits.V2_HEADER_BYTES, length));
      } else {
        send(new Frame.Rst(id, "unknown stream"));
      }
      return;
    }
    Frame frame;
    try {
      frame = V2Codec.decode(message.getBytes());
    } catch (FrameDecodeException e) {
      malformed(e.getMessage());
      return;
    }
    AgentStream stream = streams.get(frame.stream());
    if (stream != null) {
      stream.onFrame(frame);
    } else if (frame.type() == FrameType.OPEN) {
      send(new Frame.Rst(frame.stream(), "protocol error: the coordinator opens lease bridge streams"));
    } else if (frame.type() == FrameType.OPEN_OK) {
      send(new Frame.Rst(frame.stream(), "unknown stream"));
    }
  }

  private void malformed(String detail) {
    if (!warnedMalformed) {
      warnedMalformed = true;
      LOG.warn("malformed frame from the {} bridge agent of lease {}: {}", kind.wire(), leaseId, detail);
    }
  }

  private void onDrain() {
    new ArrayList<>(streams.values()).forEach(AgentStream::onWritable);
  }

  private void heard() {
    lastHeard = System.nanoTime();
  }

  private void pingOrExpire() {
    if (System.nanoTime() - lastHeard > idleTimeoutNanos) {
      LOG.info("{} bridge agent of lease {} silent; closing", kind.wire(), leaseId);
      close(GOING_AWAY, "idle timeout");
      onClosed();
    } else if (!ws.isClosed()) {
      ws.writePing(Buffer.buffer("crabbox"));
    }
  }

  private void onClosed() {
    if (closed.future().isComplete()) {
      return;
    }
    context.owner().cancelTimer(pingTimer);
    List<AgentStream> live = new ArrayList<>(streams.values());
    streams.clear();
    live.forEach(s -> s.onLost("the " + kind.wire() + " bridge agent disconnected"));
    closed.complete();
  }
}
