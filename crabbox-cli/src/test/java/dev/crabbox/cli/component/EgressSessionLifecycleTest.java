package dev.crabbox.cli.component;

import static dev.crabbox.cli.component.ComponentRig.await;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.host.EgressHostVerticle;
import dev.crabbox.agent.testing.BrowserSocket;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Session rules across the real agents and coordinator: a newer session replaces the old one
 * (1012, fatal), a departing host leaves the client waiting (1011, not fatal), and releasing the
 * lease ends both sides (1008, fatal).
 */
class EgressSessionLifecycleTest extends LoopbackRigTest {

  @Test
  void aNewerSessionReplacesBothAgentsOfTheOldOne(Vertx vertx) throws Exception {
    EgressHostVerticle newer = ComponentRig.extraHost(rig, "egress_newer-session-1");
    await(vertx.deployVerticle(newer));
    await(newer.connected());

    BridgeFailure host = await(rig.host().fatal());
    BridgeFailure client = await(rig.proxy().fatal());
    assertTrue(host.message().contains("replaced by a newer egress session"), host.message());
    assertTrue(client.message().contains("replaced by a newer egress session"), client.message());
    assertEquals(4, host.exitCode());
    assertEquals(4, client.exitCode());
    JsonObject status = await(rig.admin().egressStatus(rig.leaseId()));
    assertEquals("egress_newer-session-1", status.getString("sessionID"));
  }

  @Test
  void whenTheHostLeavesTheClientStaysAndAnswers503() throws Exception {
    await(rig.stopHost());

    await().atMost(ComponentRig.WAIT).until(() -> {
      JsonObject status = await(rig.admin().egressStatus(rig.leaseId()));
      return !status.getBoolean("hostConnected") && status.getBoolean("clientConnected");
    });
    BrowserSocket.Reply reply = BrowserSocket.exchange(rig.proxyPort(),
        "CONNECT 127.0.0.1:9 HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n");
    assertEquals(503, reply.status());
    assertEquals("crabbox egress: host agent not connected\n", reply.text());
    assertTrue(!rig.proxy().fatal().isComplete(), "1011 is not fatal for the client");
  }

  @Test
  void releasingTheLeaseEndsBothSidesFatally() throws Exception {
    await(rig.admin().releaseLease(rig.leaseId()));

    assertTrue(await(rig.host().fatal()).message().contains("lease ended"));
    assertTrue(await(rig.proxy().fatal()).message().contains("lease ended"));
  }
}
