package dev.crabbox.portal.bridge;

import dev.crabbox.coordinator.bridge.LeaseBridgeStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.buffer.Buffer;

/**
 * One HTTP/1.1 exchange with code-server over a lease bridge stream. Netty's HTTP client codec,
 * run in an embedded channel (no socket), encodes the request and decodes the response (chunked
 * bodies, HEAD, 101); this class moves bytes between it and the stream. After a 101 the codec
 * steps aside and the caller pipes the stream raw. Runs on the stream's context.
 */
final class UpstreamExchange {

  /** What the response brings, in order. */
  interface Listener {
    void onHead(HttpResponse head);

    void onContent(Buffer bytes);

    void onEnd();

    void onFailure(Throwable failure);
  }

  private final LeaseBridgeStream stream;
  private final EmbeddedChannel codec = new EmbeddedChannel(new HttpClientCodec());
  private Listener listener;
  private boolean done;
  private boolean upgraded;
  private Buffer afterUpgrade = Buffer.buffer();

  UpstreamExchange(LeaseBridgeStream stream) {
    this.stream = stream;
  }

  LeaseBridgeStream stream() {
    return stream;
  }

  /** Sends the request head and starts reading the response into {@code listener}. */
  void start(HttpRequest head, Listener listener) {
    this.listener = listener;
    stream.exceptionHandler(this::fail);
    stream.endHandler(v -> onStreamEnd());
    stream.handler(this::onBytes);
    send(head);
  }

  /** Request body bytes. */
  void write(Buffer bytes) {
    send(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes.getBytes())));
  }

  /** The end of the request body (or of a request without one). */
  void end() {
    send(LastHttpContent.EMPTY_LAST_CONTENT);
  }

  /**
   * After a 101: the bytes code-server sent right behind its 101 head (already WebSocket frames),
   * to be written to the browser before the raw pipe starts.
   */
  Buffer takeBytesAfterUpgrade() {
    Buffer bytes = afterUpgrade;
    afterUpgrade = Buffer.buffer();
    return bytes;
  }

  private void send(Object message) {
    if (done) {
      ReferenceCountUtil.release(message);
      return;
    }
    codec.writeOutbound(message);
    for (Object encoded = codec.readOutbound(); encoded != null; encoded = codec.readOutbound()) {
      stream.write(copyAndRelease((ByteBuf) encoded));
    }
  }

  private void onBytes(Buffer bytes) {
    if (upgraded) {
      afterUpgrade.appendBuffer(bytes);
      return;
    }
    codec.writeInbound(Unpooled.wrappedBuffer(bytes.getBytes()));
    for (Object decoded = codec.readInbound(); decoded != null && !done; decoded = codec.readInbound()) {
      dispatch(decoded);
    }
  }

  private void dispatch(Object decoded) {
    try {
      if (upgraded) {
        if (decoded instanceof ByteBuf raw) {
          afterUpgrade.appendBuffer(copy(raw));
        }
        return;
      }
      if (decoded instanceof HttpResponse head) {
        if (head.decoderResult().isFailure()) {
          fail(new IllegalStateException("code-server sent a malformed response: "
              + head.decoderResult().cause().getMessage()));
          return;
        }
        if (head.status().code() == 101) {
          upgraded = true;
          stream.pause();
        }
        listener.onHead(head);
      }
      if (decoded instanceof HttpContent content && !upgraded) {
        if (content.content().isReadable()) {
          listener.onContent(copy(content.content()));
        }
        if (content instanceof LastHttpContent) {
          done = true;
          listener.onEnd();
        }
      }
    } finally {
      ReferenceCountUtil.release(decoded);
    }
  }

  private void onStreamEnd() {
    if (done || upgraded) {
      return;
    }
    // code-server closed: a body delimited by the close ends here.
    codec.finish();
    for (Object decoded = codec.readInbound(); decoded != null && !done; decoded = codec.readInbound()) {
      dispatch(decoded);
    }
    if (!done) {
      fail(new IllegalStateException("code-server closed the connection before answering"));
    }
  }

  private void fail(Throwable failure) {
    if (!done) {
      done = true;
      codec.finishAndReleaseAll();
      listener.onFailure(failure);
    }
  }

  /** The readable bytes of {@code buf} (still owned by the caller). */
  private static Buffer copy(ByteBuf buf) {
    return Buffer.buffer(ByteBufUtil.getBytes(buf));
  }

  /** The readable bytes of {@code buf}, which we own and release. */
  private static Buffer copyAndRelease(ByteBuf buf) {
    try {
      return copy(buf);
    } finally {
      buf.release();
    }
  }
}
