package dev.crabbox.coordinator.egress;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Bridge;
import dev.crabbox.coordinator.support.LeaseTestBase;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.V2Codec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** v2 host and v2 client through the coordinator: pairing, relay, replacement and teardown. */
class EgressRelayTest extends LeaseTestBase {

  @Test
  void pairsHostAndClientAndRelaysFramesBothWays() {
    Bridge bridge = connectBridge(V2, V2);
    TestPeer host = bridge.host();
    TestPeer client = bridge.client();
    assertEquals(host.sessionId(), client.sessionId());

    bridge.open(1, "example.com", 443);
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
    Bridge bridge = connectBridge(V2, V2);
    TestPeer host = bridge.host();
    TestPeer client = bridge.client();
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
    Bridge bridge = connectBridge(V2, V2);
    TestPeer host = bridge.host();
    TestPeer client = bridge.client();

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
    assertTrue(egressStatus().getBoolean("clientConnected"));
  }

  @Test
  void aNewSessionReplacesTheOldOne() {
    Bridge bridge = connectBridge(V2, V2);
    JsonObject ticket = coordinator.ticket(alice, lease, new JsonObject().put("role", "host")
        .put("sessionID", "egress_newer-session"));
    assertEquals("egress_newer-session", ticket.getString("sessionID"));
    bridge.expectClose(1012, "replaced by a newer egress session");
  }

  @Test
  void aNewerSocketOfTheSameRoleReplacesTheOlder() {
    Bridge older = connectBridge(V2, V2);
    Bridge newer = new Bridge(coordinator.connectPeer(alice, lease, "host", V2), older.client());
    older.host().expectClose(1012, "replaced by a newer egress session");

    newer.open(3, "example.com", 80);
    assertEquals(older.client().sessionId(), newer.host().sessionId());
    awaitConnected(true, true);
  }

  @Test
  void whenOneSideLeavesTheOtherIsClosed() {
    Bridge first = connectBridge(V2, V2);
    first.host().close();
    first.client().expectClose(1011, "egress host disconnected");
    awaitConnected(false, false);

    Bridge second = connectBridge(V2, V2);
    second.client().close();
    second.host().expectClose(1011, "egress client disconnected");
  }

  @Test
  void releaseClosesBothWithLeaseEnded() {
    Bridge bridge = connectBridge(V2, V1);
    coordinator.post("/v1/leases/" + lease + "/release", alice, null);
    bridge.expectClose(1008, "lease ended");
  }

  @Test
  void expiryClosesBothWithLeaseExpired() {
    Bridge bridge = connectBridge(V2, V2);
    coordinator.clock().advance(Duration.ofMinutes(31));
    bridge.expectClose(1008, "lease expired");
  }

  @Test
  void statusOfALeaseWithoutSessionIsInactive() {
    JsonObject status = egressStatus();
    assertEquals(lease, status.getString("leaseID"));
    assertEquals(false, status.getBoolean("active"));
    assertEquals("", status.getString("sessionID"));
    assertEquals(0, status.getJsonArray("allow").size());
  }
}
