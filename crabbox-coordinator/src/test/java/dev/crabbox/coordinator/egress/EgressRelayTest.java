package dev.crabbox.coordinator.egress;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.V2Codec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** v2 host and v2 client through the coordinator: pairing, relay, replacement and teardown. */
@ExtendWith(VertxExtension.class)
class EgressRelayTest {

  private TestCoordinator coordinator;
  private String alice;
  private String lease;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    coordinator = TestCoordinator.start(vertx, dataDir);
    alice = coordinator.token("alice", "acme");
    lease = coordinator.createLeaseId(alice);
  }

  @AfterEach
  void stop() {
    coordinator.stop();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private JsonObject status() {
    return coordinator.get("/v1/leases/" + lease + "/egress/status", alice).bodyAsJsonObject();
  }

  private void awaitConnected(boolean host, boolean client) {
    await().until(() -> {
      JsonObject status = status();
      return status.getBoolean("hostConnected") == host && status.getBoolean("clientConnected") == client;
    });
  }

  @Test
  void pairsHostAndClientAndRelaysFramesBothWays() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    assertEquals(host.sessionId(), client.sessionId());
    awaitConnected(true, true);

    client.send(new Frame.Open(1, "example.com", 443));
    host.expect(new Frame.Open(1, "example.com", 443));
    host.send(new Frame.OpenOk(1));
    client.expect(new Frame.OpenOk(1));
    client.send(new Frame.Data(1, bytes("GET / HTTP/1.1\r\n\r\n")));
    host.expect(new Frame.Data(1, bytes("GET / HTTP/1.1\r\n\r\n")));
    host.send(new Frame.Data(1, new byte[65536]));
    client.expect(new Frame.Data(1, new byte[65536]));
    client.send(new Frame.Window(1, 65536));
    host.expect(new Frame.Window(1, 65536));
    host.send(new Frame.Fin(1));
    client.expect(new Frame.Fin(1));
    client.send(new Frame.Rst(1, "done"));
    host.expect(new Frame.Rst(1, "done"));
  }

  @Test
  void aStalledReaderLosesNothing() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    awaitConnected(true, true);
    client.socket().pause();

    // 16 MiB toward a client that reads nothing: the coordinator must hold the host back (see
    // BackpressureTest for the rule itself) and then deliver everything, in order.
    int frames = 256;
    Buffer frame = Buffer.buffer(V2Codec.encode(new Frame.Data(1, new byte[65536])));
    for (int i = 0; i < frames; i++) {
      host.socket().writeBinaryMessage(frame);
    }
    client.socket().resume();
    for (int i = 0; i < frames; i++) {
      assertEquals(65536, ((Frame.Data) client.next()).payload().length);
    }
    await().until(() -> !host.socket().writeQueueFull());
  }

  @Test
  void answersOpenItselfWhileNoHostIsConnected() {
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    client.send(new Frame.Open(7, "example.com", 443));
    client.expect(new Frame.Error(7, "host agent not connected"));

    TestPeer v1Client = coordinator.connectPeer(alice, lease, "client", false);
    v1Client.sendText("{\"type\":\"open\",\"id\":\"c1\",\"host\":\"example.com\",\"port\":\"443\"}");
    Frame error = v1Client.next();
    assertInstanceOf(Frame.Error.class, error);
    assertEquals("host agent not connected", ((Frame.Error) error).message());
  }

  @Test
  void malformedFramesAreAnsweredAndTheSessionCarriesOn() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    awaitConnected(true, true);

    client.sendRaw(Buffer.buffer(new byte[] {9, 0, 0, 0, 5}));
    Frame toClient = client.next();
    Frame toHost = host.next();
    assertInstanceOf(Frame.Rst.class, toClient);
    assertEquals(5, toClient.stream());
    assertTrue(((Frame.Rst) toClient).reason().startsWith("protocol error: "), toClient.toString());
    assertEquals(toClient, toHost);

    client.sendRaw(Buffer.buffer(new byte[] {3, 0}));
    client.sendText("{\"type\":\"open\"}");
    host.send(new Frame.OpenOk(2));
    client.expect(new Frame.OpenOk(2));
    client.send(new Frame.Data(2, bytes("still here")));
    host.expect(new Frame.Data(2, bytes("still here")));
    assertTrue(status().getBoolean("clientConnected"));
  }

  @Test
  void aNewSessionReplacesTheOldOne(VertxTestContext test) {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    Checkpoint replaced = test.checkpoint(2);
    for (TestPeer peer : new TestPeer[] {host, client}) {
      peer.closed().onComplete(closed -> test.verify(() -> {
        assertEquals(1012, (int) peer.closeCode());
        assertEquals("replaced by a newer egress session", peer.closeReason());
        replaced.flag();
      }));
    }
    JsonObject ticket = coordinator.ticket(alice, lease, new JsonObject().put("role", "host")
        .put("sessionID", "egress_newer-session"));
    assertEquals("egress_newer-session", ticket.getString("sessionID"));
  }

  @Test
  void aNewerSocketOfTheSameRoleReplacesTheOlder() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    TestPeer newer = coordinator.connectPeer(alice, lease, "host", true);
    host.expectClose(1012, "replaced by a newer egress session");

    client.send(new Frame.Open(3, "example.com", 80));
    newer.expect(new Frame.Open(3, "example.com", 80));
    assertEquals(client.sessionId(), newer.sessionId());
    awaitConnected(true, true);
  }

  @Test
  void whenOneSideLeavesTheOtherIsClosed() {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    awaitConnected(true, true);
    host.close();
    client.expectClose(1011, "egress host disconnected");
    awaitConnected(false, false);

    TestPeer host2 = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client2 = coordinator.connectPeer(alice, lease, "client", true);
    awaitConnected(true, true);
    client2.close();
    host2.expectClose(1011, "egress client disconnected");
  }

  @Test
  void releaseClosesBothWithLeaseEnded(VertxTestContext test) {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", false);
    awaitConnected(true, true);
    Checkpoint ended = test.checkpoint(2);
    for (TestPeer peer : new TestPeer[] {host, client}) {
      peer.closed().onComplete(closed -> test.verify(() -> {
        assertEquals(1008, (int) peer.closeCode());
        assertEquals("lease ended", peer.closeReason());
        ended.flag();
      }));
    }
    coordinator.post("/v1/leases/" + lease + "/release", alice, null);
  }

  @Test
  void expiryClosesBothWithLeaseExpired(VertxTestContext test) {
    TestPeer host = coordinator.connectPeer(alice, lease, "host", true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    awaitConnected(true, true);
    Checkpoint expired = test.checkpoint(2);
    for (TestPeer peer : new TestPeer[] {host, client}) {
      peer.closed().onComplete(closed -> test.verify(() -> {
        assertEquals(1008, (int) peer.closeCode());
        assertEquals("lease expired", peer.closeReason());
        expired.flag();
      }));
    }
    coordinator.clock().advance(Duration.ofMinutes(31));
  }

  @Test
  void statusOfALeaseWithoutSessionIsInactive() {
    JsonObject status = status();
    assertEquals(lease, status.getString("leaseID"));
    assertEquals(false, status.getBoolean("active"));
    assertEquals("", status.getString("sessionID"));
    assertEquals(0, status.getJsonArray("allow").size());
  }
}
