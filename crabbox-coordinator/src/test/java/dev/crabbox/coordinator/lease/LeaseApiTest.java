package dev.crabbox.coordinator.lease;

import static dev.crabbox.coordinator.support.TestCoordinator.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.CoordinatorTestBase;
import dev.crabbox.coordinator.support.MutableClock;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseApiTest extends CoordinatorTestBase {

  @Test
  void createsAManualLeaseWithDefaultTtlAndIdleTimeout() {
    JsonObject lease = coordinator.createLease(alice);
    LeaseView view = LeaseView.fromJson(lease.getMap());

    assertTrue(view.id().matches("cbx_[0-9a-f]{12}"), view.id());
    assertTrue(view.slug().matches("[a-z]+-[a-z]+(-[0-9a-f]{4})?"), view.slug());
    assertEquals("alice", view.owner());
    assertEquals("acme", view.org());
    assertEquals("manual", view.provider());
    assertEquals("linux", view.target());
    assertEquals("active", view.state());
    assertEquals(LeaseView.Labels.NONE, view.labels());
    assertEquals(MutableClock.START, view.createdAt());
    assertEquals(MutableClock.START, view.updatedAt());
    // expiresAt = min(lastTouched + 30m idle, createdAt + 90m ttl)
    assertEquals(MutableClock.START.plus(Duration.ofMinutes(30)), view.expiresAt());
    assertEquals("2025-01-01T00:30:00Z", lease.getString("expiresAt"));
  }

  @Test
  void acceptsOptionalBody() {
    HttpResponse<Buffer> response = coordinator.post("/v1/leases", alice, new JsonObject()
        .put("target", "linux").put("ttl", "20m").put("idleTimeout", 3600)
        .put("labels", new JsonObject().put("desktop", true).put("browser", true)));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    LeaseView view = LeaseView.fromJson(response.bodyAsJsonObject().getMap());
    assertEquals(new LeaseView.Labels(true, true, false), view.labels());
    assertEquals(MutableClock.START.plus(Duration.ofMinutes(20)), view.expiresAt(), "ttl caps idle");
  }

  @Test
  void capsTtlAndIdleTimeoutAt24Hours() {
    HttpResponse<Buffer> response = coordinator.post("/v1/leases", alice, new JsonObject()
        .put("ttl", "48h").put("idleTimeout", "36h"));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    LeaseView view = LeaseView.fromJson(response.bodyAsJsonObject().getMap());
    assertEquals(MutableClock.START.plus(Duration.ofHours(24)), view.expiresAt());
  }

  @Test
  void refusesBadBodies() {
    assertError(coordinator.post("/v1/leases", alice, new JsonObject().put("ttl", "soon")), 400,
        "bad_request");
    assertError(coordinator.post("/v1/leases", alice, new JsonObject().put("provider", "hetzner")),
        400, "bad_request");
    assertError(coordinator.post("/v1/leases", alice, new JsonObject().put("labels", "all")), 400,
        "bad_request");
  }

  @Test
  void findsLeasesByIdOrSlugAndListsThem() {
    JsonObject lease = coordinator.createLease(alice);
    JsonObject byId = coordinator.get("/v1/leases/" + lease.getString("id"), alice).bodyAsJsonObject();
    JsonObject bySlug = coordinator.get("/v1/leases/" + lease.getString("slug"), alice).bodyAsJsonObject();
    assertEquals(lease, byId);
    assertEquals(lease, bySlug);

    coordinator.createLease(alice);
    JsonArray leases = coordinator.get("/v1/leases", alice).bodyAsJsonObject().getJsonArray("leases");
    assertEquals(2, leases.size());
  }

  @Test
  void releaseEndsTheLeaseAndIsIdempotent() {
    String id = coordinator.createLeaseId(alice);
    HttpResponse<Buffer> released = coordinator.post("/v1/leases/" + id + "/release", alice, null);
    assertEquals(200, released.statusCode(), released.bodyAsString());
    assertEquals("released", released.bodyAsJsonObject().getString("state"));
    assertEquals("released", coordinator.post("/v1/leases/" + id + "/release", alice, null)
        .bodyAsJsonObject().getString("state"));
    assertError(coordinator.post("/v1/leases/" + id + "/heartbeat", alice, null), 409,
        "lease_not_active");
  }

  @Test
  void heartbeatPushesTheIdleExpiryOutUpToTheTtl() {
    String id = coordinator.createLeaseId(alice);
    coordinator.clock().advance(Duration.ofMinutes(20));
    JsonObject touched = coordinator.post("/v1/leases/" + id + "/heartbeat", alice, null)
        .bodyAsJsonObject();
    assertEquals("2025-01-01T00:50:00Z", touched.getString("expiresAt"));
    assertEquals("2025-01-01T00:20:00Z", touched.getString("updatedAt"));

    coordinator.clock().advance(Duration.ofMinutes(25));
    coordinator.post("/v1/leases/" + id + "/heartbeat", alice, null);
    coordinator.clock().advance(Duration.ofMinutes(25));
    JsonObject late = coordinator.post("/v1/leases/" + id + "/heartbeat", alice, null)
        .bodyAsJsonObject();
    assertEquals("2025-01-01T01:30:00Z", late.getString("expiresAt"), "capped by the 90m ttl");
  }

  @Test
  void sweeperExpiresIdleLeases() {
    String id = coordinator.createLeaseId(alice);
    coordinator.clock().advance(Duration.ofMinutes(31));
    await().until(() -> coordinator.get("/v1/leases/" + id, alice)
        .bodyAsJsonObject().getString("state").equals("expired"));
    assertEquals(Instant.parse("2025-01-01T00:30:00Z").toString(),
        coordinator.get("/v1/leases/" + id, alice).bodyAsJsonObject().getString("expiresAt"));
  }

  @Test
  void whoamiAndHealth() {
    JsonObject me = coordinator.get("/v1/whoami", alice).bodyAsJsonObject();
    assertEquals(new JsonObject().put("owner", "alice").put("org", "acme").put("role", "user"), me);
    JsonObject admin = coordinator.get("/v1/whoami", coordinator.adminToken()).bodyAsJsonObject();
    assertEquals(new JsonObject().put("owner", "admin").put("org", "").put("role", "admin"), admin);
    HttpResponse<Buffer> health = coordinator.get("/v1/health", null);
    assertEquals(200, health.statusCode());
    assertEquals("ok", health.bodyAsJsonObject().getString("status"));
  }

  @Test
  void everyFailureIsJson() {
    assertError(coordinator.get("/v1/leases", null), 401, "unauthorized");
    assertError(coordinator.get("/v1/leases", "not-a-jwt"), 401, "unauthorized");
    assertError(coordinator.get("/v1/leases/cbx_000000000000", alice), 404, "lease_not_found");
    assertError(coordinator.get("/v1/nothing-here", alice), 404, "not_found");
    assertError(coordinator.request(HttpMethod.DELETE, "/v1/leases", alice, null), 405,
        "method_not_allowed");
  }
}
