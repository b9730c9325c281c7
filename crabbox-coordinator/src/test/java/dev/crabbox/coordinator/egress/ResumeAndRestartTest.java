package dev.crabbox.coordinator.egress;

import static dev.crabbox.coordinator.support.TestCoordinator.assertRefused;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.Frame;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Resume secrets: single use, rotated, bound to role and session; and surviving a restart. */
@ExtendWith(VertxExtension.class)
class ResumeAndRestartTest {

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

  private TestPeer resume(String role, String secret) {
    return TestPeer.of(Await.result(coordinator.connect(lease, role,
        Map.of("X-Crabbox-Resume-Secret", secret), null, true)));
  }

  private JsonObject status() {
    return coordinator.get("/v1/leases/" + lease + "/egress/status", alice).bodyAsJsonObject();
  }

  @Test
  void aResumeSecretWorksOnceAndIsRotated() {
    TestPeer first = coordinator.connectPeer(alice, lease, "client", true);
    String secret = first.resumeSecret();
    Await.result(first.close());

    assertRefused(coordinator.connect(lease, "host", Map.of("X-Crabbox-Resume-Secret", secret), null,
        true), 401, "egress_ticket_required");
    TestPeer second = resume("client", secret);
    assertEquals(first.sessionId(), second.sessionId());
    assertNotEquals(secret, second.resumeSecret());
    assertRefused(coordinator.connect(lease, "client", Map.of("X-Crabbox-Resume-Secret", secret), null,
        true), 401, "egress_ticket_required");

    TestPeer third = resume("client", second.resumeSecret());
    assertEquals(first.sessionId(), third.sessionId());
  }

  @Test
  void aResumeSecretDiesWithItsSession() {
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    coordinator.ticket(alice, lease, new JsonObject().put("role", "host").put("sessionID", "egress_next-one"));
    client.expectClose(1012, "replaced by a newer egress session");
    assertRefused(coordinator.connect(lease, "client",
        Map.of("X-Crabbox-Resume-Secret", client.resumeSecret()), null, true), 401,
        "egress_ticket_required");
  }

  @Test
  void aRestartKeepsLeasesKeysSessionsAndResumeSecrets() {
    String adminToken = coordinator.adminToken();
    JsonObject ticket = coordinator.ticket(alice, lease, new JsonObject().put("role", "host")
        .put("profile", "slack").put("allow", new JsonArray().add("slack.com")));
    TestPeer host = coordinator.peer(lease, "host", ticket.getString("ticket"), true);
    TestPeer client = coordinator.connectPeer(alice, lease, "client", false);
    await().until(() -> status().getBoolean("clientConnected") && status().getBoolean("hostConnected"));

    coordinator.restart();
    host.expectClose(1001, "coordinator shutting down");
    client.expectClose(1001, "coordinator shutting down");

    assertEquals(adminToken, coordinator.adminToken());
    assertEquals(200, coordinator.get("/v1/leases/" + lease, alice).statusCode(), "old token still valid");
    JsonObject status = status();
    assertEquals(true, status.getBoolean("active"));
    assertEquals(ticket.getString("sessionID"), status.getString("sessionID"));
    assertEquals("slack", status.getString("profile"));
    assertEquals(new JsonArray().add("slack.com"), status.getJsonArray("allow"));
    assertEquals(false, status.getBoolean("hostConnected"));

    TestPeer host2 = resume("host", host.resumeSecret());
    TestPeer client2 = TestPeer.of(Await.result(coordinator.connect(lease, "client",
        Map.of("X-Crabbox-Resume-Secret", client.resumeSecret()), null, false)));
    assertEquals(ticket.getString("sessionID"), host2.sessionId());
    await().until(() -> status().getBoolean("clientConnected") && status().getBoolean("hostConnected"));
    client2.send(new Frame.Open(1, "slack.com", 443));
    host2.expect(new Frame.Open(1, "slack.com", 443));
  }
}
