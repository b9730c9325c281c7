package dev.crabbox.coordinator.lease;

import static dev.crabbox.coordinator.support.TestCoordinator.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.support.LeaseTestBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Owner/admin manage, a use share sees but cannot manage, everyone else gets 404. */
class ShareAccessTest extends LeaseTestBase {

  private String bob;
  private String carol;

  @BeforeEach
  void mintOtherUsers() {
    bob = coordinator.token("bob", "other");
    carol = coordinator.token("carol", "acme");
  }

  private HttpResponse<Buffer> share(String token, JsonObject body) {
    return coordinator.request(HttpMethod.PUT, "/v1/leases/" + lease + "/share", token, body);
  }

  private HttpResponse<Buffer> mint(String token) {
    return coordinator.post("/v1/leases/" + lease + "/egress/ticket", token,
        new JsonObject().put("role", "client"));
  }

  @Test
  void strangersCannotTellTheLeaseExists() {
    assertError(coordinator.get("/v1/leases/" + lease, bob), 404, "lease_not_found");
    assertError(mint(bob), 404, "lease_not_found");
    assertError(coordinator.get("/v1/leases/" + lease + "/egress/status", bob), 404, "lease_not_found");
    assertError(share(bob, new JsonObject()), 404, "lease_not_found");
    assertEquals(0, coordinator.get("/v1/leases", bob).bodyAsJsonObject().getJsonArray("leases").size());
  }

  @Test
  void useShareSeesButCannotManage() {
    HttpResponse<Buffer> shared = share(alice, new JsonObject()
        .put("users", new JsonObject().put("bob", "use")));
    assertEquals(200, shared.statusCode(), shared.bodyAsString());
    assertEquals(new JsonObject().put("users", new JsonObject().put("bob", "use")).putNull("org"),
        shared.bodyAsJsonObject());

    assertEquals(200, coordinator.get("/v1/leases/" + lease, bob).statusCode());
    assertEquals(200, coordinator.get("/v1/leases/" + lease + "/egress/status", bob).statusCode());
    assertEquals(1, coordinator.get("/v1/leases", bob).bodyAsJsonObject().getJsonArray("leases").size());
    assertError(mint(bob), 403, "forbidden");
    assertError(coordinator.post("/v1/leases/" + lease + "/release", bob, null), 403, "forbidden");
    assertError(share(bob, new JsonObject()), 403, "forbidden");
  }

  @Test
  void manageShareMayMintTicketsAndChangeShares() {
    share(alice, new JsonObject().put("users", new JsonObject().put("bob", "manage")));
    assertEquals(201, mint(bob).statusCode());
    HttpResponse<Buffer> changed = share(bob, new JsonObject().put("org", "use"));
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
    assertEquals(new JsonObject().put("users", new JsonObject()).put("org", "use"),
        changed.bodyAsJsonObject());
    assertError(coordinator.get("/v1/leases/" + lease, bob), 404, "lease_not_found");
  }

  @Test
  void orgShareReachesMembersOfTheLeaseOrg() {
    assertError(coordinator.get("/v1/leases/" + lease, carol), 404, "lease_not_found");
    share(alice, new JsonObject().put("org", "use"));
    assertEquals(200, coordinator.get("/v1/leases/" + lease, carol).statusCode());
    assertError(mint(carol), 403, "forbidden");
    assertError(coordinator.get("/v1/leases/" + lease, bob), 404, "lease_not_found");

    share(alice, new JsonObject().put("org", "manage"));
    assertEquals(201, mint(carol).statusCode());
  }

  @Test
  void adminManagesEverythingAndDeleteClearsShares() {
    assertEquals(201, mint(coordinator.adminToken()).statusCode());
    share(alice, new JsonObject().put("users", new JsonObject().put("bob", "use")));
    HttpResponse<Buffer> cleared = coordinator.request(HttpMethod.DELETE,
        "/v1/leases/" + lease + "/share", coordinator.adminToken(), null);
    assertEquals(200, cleared.statusCode(), cleared.bodyAsString());
    assertEquals(new JsonObject().put("users", new JsonObject()).putNull("org"), cleared.bodyAsJsonObject());
    assertError(coordinator.get("/v1/leases/" + lease, bob), 404, "lease_not_found");
    assertEquals(cleared.bodyAsJsonObject(),
        coordinator.get("/v1/leases/" + lease + "/share", alice).bodyAsJsonObject());
  }

  @Test
  void refusesMalformedShares() {
    assertError(share(alice, new JsonObject().put("users", new JsonObject().put("bob", "owner"))),
        400, "bad_request");
    assertError(share(alice, new JsonObject().put("org", 7)), 400, "bad_request");
    assertError(share(alice, new JsonObject().put("users", new JsonObject().put("a b", "use"))),
        400, "bad_request");
  }
}
