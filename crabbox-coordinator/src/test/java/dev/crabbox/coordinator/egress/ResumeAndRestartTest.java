package dev.crabbox.coordinator.egress;

import static dev.crabbox.coordinator.support.TestCoordinator.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.Bridge;
import dev.crabbox.coordinator.support.LeaseTestBase;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.Frame;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resume secrets: single use, rotated, bound to role and session; and surviving a restart. */
class ResumeAndRestartTest extends LeaseTestBase {

  /** Upgrades as {@code role} with a resume secret instead of a ticket. */
  private Future<WebSocket> resumeUpgrade(String role, String secret, boolean v2) {
    return coordinator.connect(lease, role, Map.of("X-Crabbox-Resume-Secret", secret), null, v2);
  }

  private TestPeer resume(String role, String secret, boolean v2) {
    return TestPeer.of(Await.result(resumeUpgrade(role, secret, v2)));
  }

  @Test
  void aResumeSecretWorksOnceAndIsRotated() {
    TestPeer first = coordinator.connectPeer(alice, lease, "client", true);
    String secret = first.resumeSecret();
    Await.result(first.close());

    assertRefused(resumeUpgrade("host", secret, true), 401, "egress_ticket_required");
    TestPeer second = resume("client", secret, true);
    assertEquals(first.sessionId(), second.sessionId());
    assertNotEquals(secret, second.resumeSecret());
    assertRefused(resumeUpgrade("client", secret, true), 401, "egress_ticket_required");

    TestPeer third = resume("client", second.resumeSecret(), true);
    assertEquals(first.sessionId(), third.sessionId());
  }

  @Test
  void aResumeSecretDiesWithItsSession() {
    TestPeer client = coordinator.connectPeer(alice, lease, "client", true);
    coordinator.ticket(alice, lease, new JsonObject().put("role", "host").put("sessionID", "egress_next-one"));
    client.expectClose(1012, "replaced by a newer egress session");
    assertRefused(resumeUpgrade("client", client.resumeSecret(), true), 401,
        "egress_ticket_required");
  }

  @Test
  void aRestartKeepsLeasesKeysSessionsAndResumeSecrets() {
    String adminToken = coordinator.adminToken();
    JsonObject ticket = coordinator.ticket(alice, lease, new JsonObject().put("role", "host")
        .put("profile", "slack").put("allow", new JsonArray().add("slack.com")));
    Bridge bridge = new Bridge(coordinator.peer(lease, "host", ticket.getString("ticket"), true),
        coordinator.connectPeer(alice, lease, "client", false));
    awaitConnected(true, true);

    coordinator.restart();
    bridge.expectClose(1001, "coordinator shutting down");

    assertEquals(adminToken, coordinator.adminToken());
    assertEquals(200, coordinator.get("/v1/leases/" + lease, alice).statusCode(), "old token still valid");
    JsonObject status = egressStatus();
    assertEquals(true, status.getBoolean("active"));
    assertEquals(ticket.getString("sessionID"), status.getString("sessionID"));
    assertEquals("slack", status.getString("profile"));
    assertEquals(new JsonArray().add("slack.com"), status.getJsonArray("allow"));
    assertEquals(false, status.getBoolean("hostConnected"));

    TestPeer host2 = resume("host", bridge.host().resumeSecret(), true);
    TestPeer client2 = resume("client", bridge.client().resumeSecret(), false);
    assertEquals(ticket.getString("sessionID"), host2.sessionId());
    awaitConnected(true, true);
    client2.send(new Frame.Open(1, "slack.com", 443));
    host2.expect(new Frame.Open(1, "slack.com", 443));
  }
}
