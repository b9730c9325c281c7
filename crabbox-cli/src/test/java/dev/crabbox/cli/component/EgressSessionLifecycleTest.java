package dev.crabbox.cli.component;

import static dev.crabbox.cli.component.ComponentRig.await;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.host.EgressHostVerticle;
import dev.crabbox.agent.testing.BrowserSocket;
import dev.crabbox.cli.demo.LocalEgressRig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session rules across the real agents and coordinator: a newer session replaces the old one
 * (1012, fatal), a departing host leaves the client waiting (1011, not fatal), and releasing the
 * lease ends both sides (1008, fatal).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EgressSessionLifecycleTest {

  @TempDir
  Path dataDir;

  private LocalEgressRig rig;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    rig = await(LocalEgressRig.start(vertx, dataDir, LocalEgressRig.Settings.loopback(WireVersion.V2)));
  }

  @AfterEach
  void stop() throws Exception {
    await(rig.stop());
  }

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
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("CONNECT 127.0.0.1:9 HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n");
      BrowserSocket.Reply reply = browser.readReply();
      assertEquals(503, reply.status());
      assertEquals("crabbox egress: host agent not connected\n", reply.text());
    }
    assertTrue(!rig.proxy().fatal().isComplete(), "1011 is not fatal for the client");
  }

  @Test
  void releasingTheLeaseEndsBothSidesFatally() throws Exception {
    await(rig.admin().releaseLease(rig.leaseId()));

    assertTrue(await(rig.host().fatal()).message().contains("lease ended"));
    assertTrue(await(rig.proxy().fatal()).message().contains("lease ended"));
  }
}
