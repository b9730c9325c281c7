package dev.crabbox.coordinator.egress;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.coordinator.support.TestPeer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator pings bridge peers and closes one that stays silent. */
@ExtendWith(VertxExtension.class)
class LivenessTest {

  @Test
  void pingsPeersAndClosesASilentOne(Vertx vertx, @TempDir Path dataDir) {
    TestCoordinator coordinator = TestCoordinator.start(vertx, dataDir, options -> options
        .setPingInterval(Duration.ofMillis(100)).setIdleTimeout(Duration.ofMillis(1500)));
    try {
      String token = coordinator.token("alice", "acme");
      String lease = coordinator.createLeaseId(token);

      // A well-behaved client: Vert.x answers every ping with a pong.
      TestPeer client = coordinator.connectPeer(token, lease, "client", true);
      AtomicBoolean pinged = new AtomicBoolean();
      client.socket().frameHandler(frame -> {
        if (frame.type() == WebSocketFrameType.PING) {
          pinged.set(true);
        }
      });

      // A host that completes the handshake by hand and then never answers anything.
      String ticket = coordinator.ticket(token, lease, "host");
      NetSocket silent = Await.result(vertx.createNetClient().connect(coordinator.port(), "127.0.0.1"));
      Buffer received = Buffer.buffer();
      silent.handler(bytes -> {
        synchronized (received) {
          received.appendBuffer(bytes);
        }
      });
      silent.write("GET /v1/leases/" + lease + "/egress/host HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Authorization: Bearer " + ticket + "\r\n\r\n");

      byte[] closeIdle = closeFrame(1001, "idle timeout");
      await().until(() -> contains(received, closeIdle));
      assertTrue(contains(received, "HTTP/1.1 101".getBytes(StandardCharsets.US_ASCII)));
      assertTrue(contains(received, new byte[] {(byte) 0x89, 7, 'c', 'r', 'a', 'b', 'b', 'o', 'x'}),
          "the silent host was pinged before it was closed");
      client.expectClose(1011, "egress host disconnected");
      assertTrue(pinged.get(), "the client was pinged");
    } finally {
      coordinator.stop();
    }
  }

  /** An unmasked server close frame with a short reason. */
  private static byte[] closeFrame(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[4 + text.length];
    frame[0] = (byte) 0x88;
    frame[1] = (byte) (2 + text.length);
    frame[2] = (byte) (code >> 8);
    frame[3] = (byte) code;
    System.arraycopy(text, 0, frame, 4, text.length);
    return frame;
  }

  private static boolean contains(Buffer haystack, byte[] needle) {
    byte[] bytes;
    synchronized (haystack) {
      bytes = haystack.getBytes();
    }
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
