package dev.crabbox.coordinator.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.V1Codec;
import dev.crabbox.protocol.frame.V2Codec;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw bridge agent for tests: a Vert.x WebSocket speaking v2 frames (or v1 JSON) through the
 * protocol codecs, collecting what it receives.
 */
public final class TestPeer {

  private final WebSocket ws;
  private final boolean v2;
  private final V1Codec codec = new V1Codec();
  private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final Promise<Void> closed = Promise.promise();

  private TestPeer(WebSocket ws) {
    this.ws = ws;
    this.v2 = WireLimits.SUBPROTOCOL_V2.equals(ws.subProtocol());
    ws.binaryMessageHandler(b -> received.add(decodeV2(b)));
    ws.textMessageHandler(t -> received.add(decodeV1(t)));
    ws.closeHandler(v -> closed.tryComplete());
  }

  public static TestPeer of(WebSocket ws) {
    return new TestPeer(ws);
  }

  private Object decodeV2(Buffer b) {
    try {
      return V2Codec.decode(b.getBytes());
    } catch (FrameDecodeException e) {
      return e;
    }
  }

  private synchronized Object decodeV1(String text) {
    try {
      return codec.decode(text);
    } catch (FrameDecodeException e) {
      return e;
    }
  }

  public boolean v2() {
    return v2;
  }

  public WebSocket socket() {
    return ws;
  }

  public String resumeSecret() {
    return ws.headers().get("X-Crabbox-Resume-Secret");
  }

  public String sessionId() {
    return ws.headers().get("X-Crabbox-Egress-Session");
  }

  public String leaseId() {
    return ws.headers().get("X-Crabbox-Lease-Id");
  }

  public synchronized void send(Frame frame) {
    if (v2) {
      ws.writeBinaryMessage(Buffer.buffer(V2Codec.encode(frame)));
    } else {
      codec.encode(frame).ifPresent(ws::writeTextMessage);
    }
  }

  /** Sends {@code body} on {@code stream} as DATA frames of at most {@code chunk} bytes. */
  public void sendData(int stream, byte[] body, int chunk) {
    for (int at = 0; at < body.length; at += chunk) {
      send(new Frame.Data(stream, Arrays.copyOfRange(body, at, Math.min(body.length, at + chunk))));
    }
  }

  public void sendRaw(Buffer binary) {
    ws.writeBinaryMessage(binary);
  }

  public void sendText(String text) {
    ws.writeTextMessage(text);
  }

  /** The next frame received, waiting up to 20 s. */
  public Frame next() {
    try {
      Object item = received.poll(20, TimeUnit.SECONDS);
      assertNotNull(item, "no frame received");
      if (item instanceof FrameDecodeException e) {
        throw new AssertionError("undecodable frame received: " + e.getMessage());
      }
      return (Frame) item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next frame, which must equal {@code expected}. */
  public void expect(Frame expected) {
    assertEquals(expected, next());
  }

  /**
   * Reads DATA frames of {@code stream} until {@code total} bytes arrived, failing on any other
   * frame or on more bytes than that; returns the bytes.
   */
  public byte[] readData(int stream, int total) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < total) {
      Frame frame = next();
      assertInstanceOf(Frame.Data.class, frame, "expected DATA, got " + frame);
      assertEquals(stream, frame.stream());
      out.writeBytes(((Frame.Data) frame).payload());
    }
    assertEquals(total, out.size(), "no more than asked for");
    return out.toByteArray();
  }

  /** Frames already received and not yet taken. */
  public int pending() {
    return received.size();
  }

  public Future<Void> closed() {
    return closed.future();
  }

  public Short closeCode() {
    return ws.closeStatusCode();
  }

  public String closeReason() {
    return ws.closeReason();
  }

  /** Waits for the coordinator to close this socket and checks code and reason. */
  public void expectClose(int code, String reason) {
    Await.result(closed());
    assertEquals(code, (int) ws.closeStatusCode(), "close code");
    assertEquals(reason, ws.closeReason(), "close reason");
  }

  public Future<Void> close() {
    return ws.close();
  }
}
