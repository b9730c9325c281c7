package dev.crabbox.agent.proxy;

import dev.crabbox.agent.bridge.Backpressure;
import dev.crabbox.agent.bridge.BridgeStream;
import dev.crabbox.agent.bridge.SocketPipe;
import dev.crabbox.agent.bridge.SocketReads;
import dev.crabbox.agent.bridge.StreamEvents;
import dev.crabbox.protocol.egress.OpenFailure;
import dev.crabbox.protocol.frame.HostPort;
import dev.crabbox.protocol.http.BodyTracker;
import dev.crabbox.protocol.http.ProxyRequest;
import dev.crabbox.protocol.http.ProxyRequestException;
import dev.crabbox.protocol.http.ProxyRequestParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser socket accepted by the lease proxy.
 *
 * <p>CONNECT: open a stream, answer {@code 200 Connection Established}, then hand the socket to
 * {@link SocketPipe} — the stream's receiver is attached only after the 200 was written, so bytes
 * a server sends first reach the browser after the 200.
 *
 * <p>Absolute-form requests: every request of the kept-alive socket is parsed. The rewritten head
 * and its body (delimited by {@link BodyTracker}) go to the stream of the request's target; a
 * request for the same target reuses that stream, a different target finishes it and opens a new
 * one (browsers do not pipeline, so the previous response is complete by then). Responses flow
 * back unparsed; when the destination ends its stream the browser socket is ended too.
 */
final class ProxyConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

  private enum State { HEAD, OPENING, BODY, TUNNEL, CLOSED }

  private final NetSocket socket;
  private final StreamOpener opener;
  private final ProxyRequestParser parser = new ProxyRequestParser();
  private State state = State.HEAD;
  private StreamOpener.Attempt opening;
  private BridgeStream current;
  private HostPort currentTarget;
  private BodyTracker body;
  /** Bytes that arrived while a stream was opening (the socket is paused, but a read may be in flight). */
  private final List<byte[]> held = new ArrayList<>();

  ProxyConnection(NetSocket socket, StreamOpener opener) {
    this.socket = socket;
    this.opener = opener;
  }

  void start() {
    socket.handler(this::onBytes);
    socket.endHandler(v -> onBrowserEnd());
    socket.closeHandler(v -> onBrowserClosed());
    socket.exceptionHandler(error -> {
      LOG.debug("browser socket error: {}", error.toString());
      abort("browser socket error");
      socket.close();
    });
  }

  private void onBytes(Buffer chunk) {
    byte[] bytes = chunk.getBytes();
    switch (state) {
      case HEAD -> parseHead(bytes);
      case BODY -> forwardBody(bytes, 0, bytes.length);
      case OPENING -> held.add(bytes);
      case TUNNEL, CLOSED -> { }
    }
  }

  private void parseHead(byte[] bytes) {
    Optional<ProxyRequest> parsed;
    try {
      parsed = parser.feed(bytes);
    } catch (ProxyRequestException e) {
      fail(e.status(), ProxyResponses.reasonPhrase(e.status()), e.getMessage());
      return;
    }
    if (parsed.isEmpty()) {
      return;
    }
    byte[] rest = parser.takeRemainder();
    ProxyRequest request = parsed.get();
    if (request instanceof ProxyRequest.Connect connect) {
      startTunnel(connect.target(), rest);
    } else {
      startForward((ProxyRequest.Forward) request, rest);
    }
  }

  // ---- CONNECT ----

  private void startTunnel(HostPort target, byte[] early) {
    openStream(target, stream -> {
      state = State.TUNNEL;
      socket.write(ProxyResponses.CONNECTION_ESTABLISHED);
      if (early.length > 0) {
        stream.send(Buffer.buffer(early));
      }
      takeHeld().forEach(bytes -> stream.send(Buffer.buffer(bytes)));
      SocketPipe.join(socket, stream);
    });
  }

  // ---- absolute-form ----

  private void startForward(ProxyRequest.Forward request, byte[] rest) {
    if (current != null && !current.isFinished() && request.target().equals(currentTarget)) {
      sendRequest(request, rest);
      return;
    }
    openStream(request.target(), stream -> {
      current = stream;
      currentTarget = request.target();
      stream.events(new ForwardEvents(stream));
      stream.receiveInto(socket);
      sendRequest(request, rest);
      for (byte[] bytes : takeHeld()) {
        onBytes(Buffer.buffer(bytes));
      }
      // Stay paused while another open began or the stream has no credit (it resumes us then).
      if ((state == State.BODY || state == State.HEAD) && current != null && current.writable()) {
        SocketReads.resume(socket);
      }
    });
  }

  private void sendRequest(ProxyRequest.Forward request, byte[] rest) {
    current.send(Buffer.buffer(request.head()));
    body = new BodyTracker(request.body());
    state = State.BODY;
    forwardBody(rest, 0, rest.length);
  }

  private void forwardBody(byte[] bytes, int offset, int length) {
    int taken;
    try {
      taken = body.complete() ? 0 : body.feed(bytes, offset, length);
    } catch (ProxyRequestException e) {
      fail(e.status(), ProxyResponses.reasonPhrase(e.status()), e.getMessage());
      return;
    }
    if (taken > 0) {
      current.send(Buffer.buffer(taken).appendBytes(bytes, offset, taken));
    }
    if (body.complete()) {
      state = State.HEAD;
      int left = length - taken;
      if (left > 0) {
        parseHead(Arrays.copyOfRange(bytes, offset + taken, offset + length));
      }
    }
    if (current != null && (state == State.BODY || state == State.HEAD)) {
      Backpressure.pauseWhileBlocked(socket, current);
    }
  }

  /** Events of the stream that currently carries this socket's requests. */
  private final class ForwardEvents implements StreamEvents {
    private final BridgeStream stream;

    ForwardEvents(BridgeStream stream) {
      this.stream = stream;
    }

    @Override
    public void onRemoteFin() {
      if (stream == current) {
        // The destination closed its connection: so does the browser's (end flushes the response).
        state = State.CLOSED;
        socket.end();
      }
    }

    @Override
    public void onReset(String reason) {
      if (stream == current) {
        LOG.debug("forward stream {} reset: {}", Integer.toUnsignedString(stream.id()), reason);
        state = State.CLOSED;
        socket.close();
      }
    }
  }

  // ---- shared ----

  private List<byte[]> takeHeld() {
    List<byte[]> taken = new ArrayList<>(held);
    held.clear();
    return taken;
  }

  /**
   * Retires the current stream and opens one to {@code target}, with the browser's reads paused
   * meanwhile. The new stream goes to {@code onOpened} — unless the browser went away first (the
   * stream is reset) or the open failed (the browser gets the error response).
   */
  private void openStream(HostPort target, Consumer<BridgeStream> onOpened) {
    retireCurrent();
    state = State.OPENING;
    SocketReads.pause(socket);
    opening = opener.open(target);
    opening.opened.onComplete(ar -> {
      opening = null;
      if (state == State.CLOSED) {
        if (ar.succeeded()) {
          ar.result().reset("browser went away");
        }
        return;
      }
      if (ar.failed()) {
        failOpen(ar.cause());
        return;
      }
      onOpened.accept(ar.result());
    });
  }

  /** Finishes the stream of an earlier request; its late bytes are dropped, its credit still granted. */
  private void retireCurrent() {
    if (current != null) {
      BridgeStream old = current;
      current = null;
      currentTarget = null;
      old.events(StreamEvents.IGNORE);
      old.discardInbound();
      old.finish();
    }
  }

  private void failOpen(Throwable cause) {
    if (cause instanceof OpenRefusedException refused) {
      respondAndClose(ProxyResponses.openFailure(refused.getMessage()));
    } else {
      respondAndClose(ProxyResponses.openFailure(OpenFailure.OPEN_FAILED.message(String.valueOf(cause.getMessage()))));
    }
  }

  private void fail(int status, String reason, String message) {
    abort("bad request");
    respondAndClose(ProxyResponses.error(status, reason, message));
  }

  private void respondAndClose(Buffer response) {
    state = State.CLOSED;
    socket.write(response);
    socket.end();
  }

  private void onBrowserEnd() {
    if (state == State.TUNNEL) {
      return;
    }
    if (current != null) {
      current.finish();
    }
    if (opening != null) {
      opening.cancel("browser went away");
    }
    state = State.CLOSED;
  }

  private void onBrowserClosed() {
    if (current != null) {
      current.discardInbound();
      current.finish();
    }
    if (opening != null) {
      opening.cancel("browser went away");
    }
    if (state != State.TUNNEL) {
      state = State.CLOSED;
    }
  }

  private void abort(String reason) {
    if (current != null) {
      current.reset(reason);
      current = null;
    }
    if (opening != null) {
      opening.cancel(reason);
    }
  }
}
