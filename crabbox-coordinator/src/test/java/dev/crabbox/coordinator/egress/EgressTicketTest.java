package dev.crabbox.coordinator.egress;

import static dev.crabbox.coordinator.support.TestCoordinator.assertError;
import static dev.crabbox.coordinator.support.TestCoordinator.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.LeaseTestBase;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.api.EgressTicket;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ticket minting, the three ticket carriers, and every refusal of an upgrade. */
class EgressTicketTest extends LeaseTestBase {

  private HttpResponse<Buffer> mint(JsonObject body) {
    return coordinator.post("/v1/leases/" + lease + "/egress/ticket", alice, body);
  }

  @Test
  void mintsAOneUseTicketBoundToLeaseRoleAndSession() {
    HttpResponse<Buffer> response = mint(new JsonObject().put("role", "host")
        .put("profile", "discord").put("allow", new JsonArray().add("Discord.com").add("*.discord.com")));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    EgressTicket ticket = EgressTicket.fromJson(response.bodyAsJsonObject().getMap());
    assertTrue(ticket.ticket().matches("egress_[0-9a-f]{32}"), ticket.ticket());
    assertEquals(lease, ticket.leaseID());
    assertEquals("host", ticket.role());
    assertTrue(ticket.sessionID().startsWith("egress_"), ticket.sessionID());
    assertEquals(coordinator.clock().instant().plusSeconds(120), ticket.expiresAt());

    JsonObject status = egressStatus();
    assertEquals(true, status.getBoolean("active"));
    assertEquals(ticket.sessionID(), status.getString("sessionID"));
    assertEquals("discord", status.getString("profile"));
    assertEquals(new JsonArray().add("discord.com").add("*.discord.com"), status.getJsonArray("allow"));
    assertEquals(false, status.getBoolean("hostConnected"));
  }

  @Test
  void ticketsWithoutSessionJoinTheCurrentOne() {
    String first = mint(new JsonObject().put("role", "host")).bodyAsJsonObject().getString("sessionID");
    String second = mint(new JsonObject().put("role", "client").put("sessionID", "bogus!"))
        .bodyAsJsonObject().getString("sessionID");
    assertEquals(first, second, "an invalid session id joins the current session");
    String chosen = mint(new JsonObject().put("role", "client").put("sessionID", "egress_chosen-1"))
        .bodyAsJsonObject().getString("sessionID");
    assertEquals("egress_chosen-1", chosen);
  }

  @Test
  void refusesBadTicketRequests() {
    assertError(mint(new JsonObject()), 400, "bad_request");
    assertError(mint(new JsonObject().put("role", "admin")), 400, "bad_request");
    assertError(mint(new JsonObject().put("role", "host").put("allow", "example.com")), 400, "bad_request");
    assertError(mint(new JsonObject().put("role", "host").put("allow", new JsonArray().add("a.com:443"))),
        400, "bad_request");
    assertError(mint(new JsonObject().put("role", "host").put("profile", "myspace")), 400, "bad_request");
    coordinator.post("/v1/leases/" + lease + "/release", alice, null);
    assertError(mint(new JsonObject().put("role", "host")), 409, "egress_unavailable");
  }

  @Test
  void aTicketWorksOnceWithEachCarrier() {
    String bearer = coordinator.ticket(alice, lease, "host");
    TestPeer viaBearer = TestPeer.of(Await.result(coordinator.connect(lease, "host",
        Map.of("Authorization", "Bearer " + bearer), null, true)));
    assertEquals(lease, viaBearer.leaseId());
    assertRefused(coordinator.connect(lease, "host", Map.of("Authorization", "Bearer " + bearer), null,
        true), 401, "egress_ticket_required");

    String header = coordinator.ticket(alice, lease, "host");
    Await.result(coordinator.connect(lease, "host", Map.of("X-Crabbox-Bridge-Ticket", header), null, true));
    assertRefused(coordinator.connect(lease, "host", Map.of("X-Crabbox-Bridge-Ticket", header), null, true),
        401, "egress_ticket_required");

    String query = coordinator.ticket(alice, lease, "host");
    Await.result(coordinator.connect(lease, "host", Map.of(), "ticket=" + query, true));
    assertRefused(coordinator.connect(lease, "host", Map.of(), "ticket=" + query, true), 401,
        "egress_ticket_required");
  }

  @Test
  void queryFallbackCanBeTurnedOff(Vertx vertx, @TempDir Path otherDir) {
    TestCoordinator strict = TestCoordinator.start(vertx, otherDir,
        options -> options.setTicketQueryFallback(false));
    try {
      String token = strict.token("alice", "acme");
      String strictLease = strict.createLeaseId(token);
      String ticket = strict.ticket(token, strictLease, "client");
      assertRefused(strict.connect(strictLease, "client", Map.of(), "ticket=" + ticket, true), 401,
          "egress_ticket_required");
      // Not consumed: the same ticket still works in a header.
      Await.result(strict.connect(strictLease, "client", Map.of("X-Crabbox-Bridge-Ticket", ticket),
          null, true));
    } finally {
      strict.stop();
    }
  }

  @Test
  void aTicketOfTheWrongRoleOrLeaseIsRefusedAndNotConsumed() {
    String hostTicket = coordinator.ticket(alice, lease, "host");
    assertRefused(coordinator.connect(lease, "client", Map.of("Authorization", "Bearer " + hostTicket),
        null, true), 401, "egress_ticket_required");
    String otherLease = coordinator.createLeaseId(alice);
    assertRefused(coordinator.connect(otherLease, "host", Map.of("Authorization", "Bearer " + hostTicket),
        null, true), 401, "egress_ticket_required");
    Await.result(coordinator.connect(lease, "host", Map.of("Authorization", "Bearer " + hostTicket),
        null, true));
  }

  @Test
  void anExpiredTicketIsRefused() {
    String ticket = coordinator.ticket(alice, lease, "client");
    coordinator.clock().advance(Duration.ofSeconds(121));
    assertRefused(coordinator.connect(lease, "client", Map.of("Authorization", "Bearer " + ticket),
        null, true), 401, "egress_ticket_required");
  }

  @Test
  void refusalsAreJson() {
    assertRefused(coordinator.connect(lease, "host", Map.of(), null, true), 401, "egress_ticket_required");
    assertRefused(coordinator.connect("cbx_000000000000", "host",
        Map.of("Authorization", "Bearer egress_00000000000000000000000000000000"), null, true),
        404, "lease_not_found");
    String ticket = coordinator.ticket(alice, lease, "host");
    coordinator.post("/v1/leases/" + lease + "/release", alice, null);
    assertRefused(coordinator.connect(lease, "host", Map.of("Authorization", "Bearer " + ticket), null,
        true), 409, "egress_unavailable");
    // A plain GET without an upgrade.
    assertError(coordinator.get("/v1/leases/" + lease + "/egress/host", null), 426, "upgrade_required");
  }

  @Test
  void aTicketForAReplacedSessionIsGone() {
    String old = coordinator.ticket(alice, lease, new JsonObject().put("role", "host")
        .put("sessionID", "egress_first-1")).getString("ticket");
    coordinator.ticket(alice, lease, new JsonObject().put("role", "host").put("sessionID", "egress_second"));
    assertRefused(coordinator.connect(lease, "host", Map.of("Authorization", "Bearer " + old), null, true),
        410, "egress_session_ended");
  }

  @Test
  void aTicketDiesWithItsMintersAccess() {
    String bob = coordinator.token("bob", "other");
    coordinator.request(HttpMethod.PUT, "/v1/leases/" + lease + "/share", alice,
        new JsonObject().put("users", new JsonObject().put("bob", "manage")));
    String ticket = coordinator.ticket(bob, lease, "client");
    coordinator.request(HttpMethod.DELETE, "/v1/leases/" + lease + "/share", alice, null);
    assertRefused(coordinator.connect(lease, "client", Map.of("Authorization", "Bearer " + ticket), null,
        true), 403, "forbidden");
  }

  @Test
  void upgradeHandsOutLeaseSessionAndResumeSecret() {
    JsonObject ticket = coordinator.ticket(alice, lease, new JsonObject().put("role", "client"));
    TestPeer peer = coordinator.peer(coordinator.get("/v1/leases/" + lease, alice).bodyAsJsonObject()
        .getString("slug"), "client", ticket.getString("ticket"), true);
    assertEquals(lease, peer.leaseId(), "canonical id even when connected by slug");
    assertEquals(ticket.getString("sessionID"), peer.sessionId());
    assertTrue(peer.resumeSecret().startsWith("resume_"));
    assertNotEquals(ticket.getString("ticket"), peer.resumeSecret());
    assertTrue(peer.v2());
  }
}
