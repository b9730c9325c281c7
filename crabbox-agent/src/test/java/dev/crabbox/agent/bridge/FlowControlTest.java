package dev.crabbox.agent.bridge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.testing.EgressRig;
import dev.crabbox.agent.testing.TcpOrigin;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-stream credit: one browser that stops reading must stall only its own stream. Its
 * destination never stops sending; without per-stream windows its bytes would pile up in front of
 * the shared WebSocket and every other stream would stall behind them.
 */
@ExtendWith(VertxExtension.class)
class FlowControlTest {

  private static final int STREAMS = 50;
  private static final int BYTES_PER_STREAM = 1024 * 1024;

  @Test
  void oneStalledReaderDoesNotStallTheOthers(Vertx vertx, VertxTestContext test) throws Exception {
    EgressRig rig = EgressRig.start(vertx);
    TcpOrigin endless = TcpOrigin.endless(vertx).start().await();
    TcpOrigin bulk = TcpOrigin.bulk(vertx, BYTES_PER_STREAM).start().await();

    // The stalled browser: asks for a tunnel to the endless origin and never reads a byte.
    try (Socket stalledBrowser = new Socket()) {
      stalledBrowser.setReceiveBufferSize(4096);
      stalledBrowser.connect(new java.net.InetSocketAddress("127.0.0.1", rig.proxyPort()));
      OutputStream out = stalledBrowser.getOutputStream();
      out.write(("CONNECT endless.test:" + endless.port() + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Wait until the whole path is full and the endless origin is held back by the window.
      await().until(endless::stalled);

      Checkpoint completed = test.checkpoint(STREAMS - 1);
      NetClient client = vertx.createNetClient();
      for (int i = 0; i < STREAMS - 1; i++) {
        client.connect(rig.proxyPort(), "127.0.0.1").onComplete(test.succeeding(socket -> {
          Buffer received = Buffer.buffer();
          socket.handler(received::appendBuffer);
          socket.endHandler(v -> test.verify(() -> {
            String text = received.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n") + 4;
            for (int at = 0; at < Math.min(BYTES_PER_STREAM, received.length() - headEnd); at++) {
              if (received.getByte(headEnd + at) != TcpOrigin.patternAt(at)) {
                throw new AssertionError("stream data differs from the origin's at byte " + at + " of "
                    + (received.length() - headEnd));
              }
            }
            if (!text.startsWith("HTTP/1.1 200 ") || received.length() - headEnd != BYTES_PER_STREAM) {
              throw new AssertionError("stream got " + (received.length() - headEnd) + " bytes, head "
                  + text.substring(0, Math.min(60, text.length())));
            }
            for (int at = 0; at < BYTES_PER_STREAM; at++) {
              if (received.getByte(headEnd + at) != TcpOrigin.patternAt(at)) {
                throw new AssertionError("stream data differs from the origin's at byte " + at);
              }
            }
            completed.flag();
          }));
          socket.write("CONNECT bulk.test:" + bulk.port() + " HTTP/1.1\r\n\r\n");
        }));
      }
      // A safety limit, not a measurement: without per-stream credit the others never finish.
      assertTrue(test.awaitCompletion(60, TimeUnit.SECONDS) && !test.failed(),
          () -> "streams did not complete: " + test.causeOfFailure());
      // The stalled stream was held back, not reset: once its reader reads, bytes flow again.
      byte[] resumed = stalledBrowser.getInputStream().readNBytes(2 * WireLimits.INITIAL_WINDOW);
      assertEquals(2 * WireLimits.INITIAL_WINDOW, resumed.length);
      assertTrue(new String(resumed, 0, 12, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
    }
  }
}
