package dev.crabbox.cli.component;

import static dev.crabbox.cli.component.ComponentRig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.api.EgressTicket;
import dev.crabbox.agent.testing.HttpOrigin;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lease client that speaks only the original Crabbox's v1 JSON frames (no subprotocol, string
 * stream ids, base64 bodies) works with our v2 egress host: the coordinator translates.
 */
class V1PeerInteropTest extends LoopbackRigTest {

  @BeforeEach
  void handTheClientRoleToAV1Peer() throws Exception {
    // The rig's own v2 lease proxy steps aside: the v1 peer below takes the client role.
    await(rig.stopProxy());
    // The host is closed with 1011 when its partner leaves and comes back on its resume secret.
    org.awaitility.Awaitility.await().atMost(ComponentRig.WAIT).until(() -> {
      JsonObject status = await(rig.admin().egressStatus(rig.leaseId()));
      return status.getBoolean("hostConnected") && !status.getBoolean("clientConnected");
    });
  }

  @Test
  void aV1JsonClientFetchesAPageThroughAV2Host(Vertx vertx) throws Exception {
    HttpOrigin origin = await(HttpOrigin.plain(vertx, "origin").start());
    EgressTicket ticket = await(rig.admin().mintEgressTicket(rig.leaseId(), "client", null, null, List.of()));
    WebSocket ws = await(vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxFrameSize(2 * 1024 * 1024).setMaxMessageSize(3 * 1024 * 1024))
        .connect(new WebSocketConnectOptions()
            .setHost("127.0.0.1").setPort(rig.coordinator().actualPort())
            .setURI("/v1/leases/" + rig.leaseSlug() + "/egress/client")
            .addHeader("Authorization", "Bearer " + ticket.ticket())));
    assertNull(ws.subProtocol(), "a peer that offers no subprotocol speaks v1");
    LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    ws.textMessageHandler(text -> inbox.add(new JsonObject(text)));

    ws.writeTextMessage(new JsonObject().put("type", "open").put("id", "c1")
        .put("host", "127.0.0.1").put("port", String.valueOf(origin.port())).encode());
    assertEquals(new JsonObject().put("type", "open_ok").put("id", "c1"), next(inbox));

    String request = "GET /v1-peer HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    ws.writeTextMessage(new JsonObject().put("type", "data").put("id", "c1")
        .put("body", Base64.getEncoder().encodeToString(request.getBytes(StandardCharsets.US_ASCII))).encode());

    ByteArrayOutputStream response = new ByteArrayOutputStream();
    for (JsonObject frame = next(inbox); !"close".equals(frame.getString("type")); frame = next(inbox)) {
      assertEquals("data", frame.getString("type"), frame.encode());
      assertEquals("c1", frame.getString("id"));
      response.writeBytes(Base64.getDecoder().decode(frame.getString("body")));
    }
    String text = response.toString(StandardCharsets.US_ASCII);
    assertTrue(text.startsWith("HTTP/1.1 200"), text);
    assertTrue(text.endsWith("origin GET /v1-peer body=0\n"), text);
    await(ws.close());
  }

  private static JsonObject next(LinkedBlockingQueue<JsonObject> inbox) throws InterruptedException {
    JsonObject frame = inbox.poll(ComponentRig.WAIT.toSeconds(), TimeUnit.SECONDS);
    if (frame == null) {
      throw new AssertionError("no v1 frame within " + ComponentRig.WAIT);
    }
    return frame;
  }
}
