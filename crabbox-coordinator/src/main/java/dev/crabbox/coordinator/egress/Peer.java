package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.store.BridgeRole;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.FrameType;
import dev.crabbox.protocol.frame.V1Codec;
import dev.crabbox.protocol.frame.V2Codec;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bridge socket (host or client) and the little state that travels with it: its wire
 * version, the v1 id table, the read gate, and the link to its partner. Handlers run on the
 * socket's event loop; the session actor only swaps the link, closes the socket, and has it read
 * what is left once it closed.
 */
final class Peer {

  private static final Logger LOG = LoggerFactory.getLogger(Peer.class);
  /** Gate reason: the socket reads nothing until its session adopts it. */
  private static final Object ADOPTION = new Object();

  private final BridgeGrant grant;
  private final ServerWebSocket ws;
  private final EgressMeter meter;
  private final boolean v2;
  private final V1Codec codec;
  private final ReadGate gate;
  private final Promise<Void> closed = Promise.promise();
  private final AtomicBoolean warnedMalformed = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile Link link;
  /** The socket's own context, known once it closed: where its queued messages are delivered. */
  private volatile Context socketContext;
  private volatile long lastSeenNanos = System.nanoTime();

  private Peer(BridgeGrant grant, ServerWebSocket ws, EgressMeter meter) {
    this.grant = grant;
    this.ws = ws;
    this.meter = meter;
    this.v2 = WireLimits.SUBPROTOCOL_V2.equals(ws.subProtocol());
    this.codec = v2 ? null : new V1Codec();
    this.gate = new ReadGate(ws);
  }

  /**
   * Wraps a freshly upgraded socket: handlers in place at once (a close is never missed), reads
   * held until {@link #adopted()}. Call on the socket's event loop.
   */
  static Peer accept(BridgeGrant grant, ServerWebSocket ws, EgressMeter meter) {
    Peer peer = new Peer(grant, ws, meter);
    peer.gate.hold(ADOPTION);
    try {
      ws.closeHandler(v -> {
        peer.socketContext = Vertx.currentContext();
        peer.closed.tryComplete();
      });
      ws.exceptionHandler(e -> LOG.debug("{} socket of lease {}: {}", peer.role().wire(),
          grant.leaseId(), e.toString()));
      ws.pongHandler(pong -> peer.seen());
      ws.binaryMessageHandler(peer::onBinary);
      ws.textMessageHandler(peer::onText);
    } catch (IllegalStateException alreadyClosed) {
      peer.closed.tryComplete();
    }
    return peer;
  }

  BridgeRole role() {
    return grant.role();
  }

  BridgeGrant grant() {
    return grant;
  }

  boolean v2() {
    return v2;
  }

  ServerWebSocket socket() {
    return ws;
  }

  ReadGate gate() {
    return gate;
  }

  /**
   * Completes when the socket has closed, whoever closed it. Messages the peer sent before may
   * still be queued: see {@link #readRemaining()}.
   */
  Future<Void> closed() {
    return closed.future();
  }

  /**
   * Hands every message still queued on the closed socket to its link, then completes. Vert.x
   * 5.0.7 runs a WebSocket's close handler as soon as the connection is gone
   * ({@code WebSocketImplBase.handleConnectionClosed}), even while the socket is paused and
   * messages the peer sent before closing wait in its inbound queue (the family of
   * eclipse-vertx/vert.x#5748): tearing the pair down at once would drop them, e.g. the final
   * DATA and FIN of a download whose host left while the client was backed up. Opening the gate
   * for good resumes the socket, which posts one task to its event loop that delivers everything
   * queued, including what the connection held back while the queue was full
   * ({@code InboundMessageQueue.fetch}, then {@code VertxConnection.doResume}). The returned
   * future completes from a second task posted to the same loop from this thread, so after it.
   * Call after {@link #closed()}.
   */
  Future<Void> readRemaining() {
    Context context = socketContext;
    if (context == null) {
      return Future.succeededFuture(); // closed before its handlers were set: nothing was queued
    }
    Promise<Void> read = Promise.promise();
    gate.openForGood();
    context.runOnContext(v -> read.complete());
    return read.future();
  }

  boolean isOpen() {
    return !closing.get() && !closed.future().isComplete() && !ws.isClosed();
  }

  /** The session took the socket: start reading. */
  void adopted() {
    gate.release(ADOPTION);
  }

  void link(Link newLink) {
    this.link = newLink;
  }

  /**
   * When the peer was last heard from. A socket we are holding (backpressure) counts as heard now:
   * its pongs wait behind our own pause, so its silence is ours, not the peer's.
   */
  long lastSeenNanos() {
    if (gate.held()) {
      lastSeenNanos = System.nanoTime();
    }
    return lastSeenNanos;
  }

  private void seen() {
    lastSeenNanos = System.nanoTime();
  }

  private void onBinary(Buffer message) {
    seen();
    meter.relayed(message.length(), message.length() > 0
        && message.getByte(0) == FrameType.OPEN.code());
    if (closing.get()) {
      return; // replaced or ended: it still reads until the close handshake, but relays nothing
    }
    if (!v2) {
      malformed(Optional.empty(), "binary message on a v1 (JSON) bridge");
      return;
    }
    Link current = link;
    if (current != null) {
      current.onBinary(this, message);
    } else {
      Unpaired.onBinary(this, message);
    }
  }

  private void onText(String message) {
    seen();
    // v1 messages are only decoded further on; a cheap look for the type is enough to count.
    meter.relayed(message.length(), message.contains("\"open\""));
    if (closing.get()) {
      return;
    }
    if (v2) {
      malformed(Optional.empty(), "text message on a v2 (binary) bridge");
      return;
    }
    Link current = link;
    if (current != null) {
      current.onText(this, message);
    } else {
      Unpaired.onText(this, message);
    }
  }

  // Writing. Writes to a closed socket are dropped: its close handler tears the pair down.

  Future<Void> writeBinary(Buffer message) {
    return ws.isClosed() ? Future.succeededFuture() : ws.writeBinaryMessage(message);
  }

  Future<Void> writeText(String message) {
    return ws.isClosed() ? Future.succeededFuture() : ws.writeTextMessage(message);
  }

  /** Sends a frame the coordinator itself produced, encoded for this peer's wire version. */
  Future<Void> send(Frame frame) {
    if (v2) {
      return writeBinary(Buffer.buffer(V2Codec.encode(frame)));
    }
    return encodeV1(frame).map(this::writeText).orElse(Future.succeededFuture());
  }

  // The v1 id table is shared by both directions, which run on different event loops.

  Frame decodeV1(String message) throws FrameDecodeException {
    synchronized (codec) {
      return codec.decode(message);
    }
  }

  Optional<String> encodeV1(Frame frame) {
    synchronized (codec) {
      return codec.encode(frame);
    }
  }

  void forget(int stream) {
    if (codec != null) {
      synchronized (codec) {
        codec.forget(stream);
      }
    }
  }

  /**
   * Answers a malformed message on {@code stream} (when readable) with an ERROR for v1 or an RST
   * for v2, and logs the first one of this socket as a warning.
   */
  void malformed(Optional<String> v1Id, String detail) {
    String text = "protocol error: " + detail;
    if (warnedMalformed.compareAndSet(false, true)) {
      LOG.warn("malformed frame from {} of lease {} session {}: {} (further ones logged at debug)",
          role().wire(), grant.leaseId(), grant.sessionId(), detail);
    } else {
      LOG.debug("malformed frame from {} of lease {}: {}", role().wire(), grant.leaseId(), detail);
    }
    v1Id.ifPresent(id -> writeText(new JsonObject().put("type", "error").put("id", id)
        .put("error", text).put("message", text).encode()));
  }

  /** Like {@link #malformed(Optional, String)} for a v2 message whose stream id is readable. */
  void malformedV2(int stream, String detail) {
    malformed(Optional.empty(), detail);
    send(new Frame.Rst(stream, "protocol error: " + detail));
  }

  /** The v1 stream id of a message, read leniently: for answering messages that failed to decode. */
  static Optional<String> v1Id(String message) {
    try {
      Object id = new JsonObject(message).getValue("id");
      return id instanceof String || id instanceof Number ? Optional.of(id.toString()) : Optional.empty();
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  /**
   * Sends the close frame once; later calls (and calls after the peer closed) send nothing.
   * Completes when the socket is closed.
   */
  Future<Void> close(short code, String reason) {
    link = null;
    if (closing.compareAndSet(false, true) && !ws.isClosed()) {
      ws.close(code, reason);
    }
    return closed();
  }

  void ping() {
    if (!closing.get() && !ws.isClosed()) {
      ws.writePing(Buffer.buffer("crabbox"));
    }
  }

  @Override
  public String toString() {
    return role().wire() + "(" + (v2 ? "v2" : "v1") + ") of " + grant.leaseId();
  }
}
