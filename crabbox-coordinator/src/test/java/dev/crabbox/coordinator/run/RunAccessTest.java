package dev.crabbox.coordinator.run;

import static dev.crabbox.coordinator.support.TestCoordinator.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every run route follows the lease's access: owner, admin, use share, manage share and org share
 * may read and record runs; anyone else gets 404 {@code run_not_found}, exactly like a missing run.
 */
class RunAccessTest extends RunTestBase {

  private String useShare;
  private String manageShare;
  private String orgMember;
  private String stranger;

  @BeforeEach
  void shareTheLease() {
    useShare = coordinator.token("bob", "other");
    manageShare = coordinator.token("dave", "other");
    orgMember = coordinator.token("carol", "acme");
    stranger = coordinator.token("eve", "other");
    HttpResponse<Buffer> shared = coordinator.request(HttpMethod.PUT, "/v1/leases/" + lease + "/share",
        alice, new JsonObject().put("users", new JsonObject().put("bob", "use").put("dave", "manage"))
            .put("org", "use"));
    assertOk(200, shared);
  }

  /** Every run route, each as a call with the caller's token; the run is created by alice. */
  private List<Function<String, HttpResponse<Buffer>>> routes(String run) {
    return List.of(
        token -> coordinator.get("/v1/runs/" + run, token),
        token -> coordinator.get("/v1/runs/" + run + "/events", token),
        token -> coordinator.get("/v1/runs/" + run + "/logs", token),
        token -> events(run, token, new JsonObject().put("type", "command.output")),
        token -> coordinator.postText("/v1/runs/" + run + "/logs", token, "out\n"),
        token -> telemetry(run, token, 1, null),
        token -> post(run, "junit", token, junitBody()),
        token -> finish(run, token, 0));
  }

  /** Creates a run as {@code token}, uses every route on it, and lists the lease's runs. */
  private void recordsAndReads(String token) {
    String run = run(token, "make").getString("id");
    for (Function<String, HttpResponse<Buffer>> route : routes(run)) {
      assertOk(200, route.apply(token));
    }
    assertEquals("succeeded", coordinator.get("/v1/runs/" + run, token).bodyAsJsonObject()
        .getString("state"));
    String aliceRun = run(alice, "alice's").getString("id");
    for (Function<String, HttpResponse<Buffer>> route : routes(aliceRun)) {
      assertOk(200, route.apply(token));
    }
    assertOk(200, coordinator.get("/v1/leases/" + lease + "/runs", token));
  }

  @Test
  void ownerRecordsAndReads() {
    recordsAndReads(alice);
  }

  @Test
  void useShareRecordsAndReads() {
    recordsAndReads(useShare);
  }

  @Test
  void manageShareRecordsAndReads() {
    recordsAndReads(manageShare);
  }

  @Test
  void orgShareRecordsAndReads() {
    recordsAndReads(orgMember);
  }

  @Test
  void adminRecordsAndReads() {
    recordsAndReads(coordinator.adminToken());
  }

  @Test
  void strangersCannotTellARunExists() {
    String run = run(alice, "secret").getString("id");
    for (Function<String, HttpResponse<Buffer>> route : routes(run)) {
      HttpResponse<Buffer> response = route.apply(stranger);
      assertError(response, 404, "run_not_found");
      assertEquals("run not found: " + run, response.bodyAsJsonObject().getString("message"));
    }
    for (Function<String, HttpResponse<Buffer>> route : routes("run_000000000000")) {
      assertError(route.apply(stranger), 404, "run_not_found");
    }
    assertError(createRun(coordinator, stranger, lease, "x"), 404, "lease_not_found");
    assertError(coordinator.get("/v1/leases/" + lease + "/runs", stranger), 404, "lease_not_found");
    JsonObject detail = coordinator.get("/v1/runs/" + run, alice).bodyAsJsonObject();
    assertEquals("running", detail.getString("state"), "the stranger changed nothing");
    assertEquals(0, coordinator.get("/v1/runs/" + run + "/events", alice).bodyAsJsonObject()
        .getJsonArray("events").size());
  }

  @Test
  void accessFollowsTheLeaseNotTheRunsAuthor() {
    String bobsRun = run(useShare, "bob's").getString("id");
    assertOk(200, coordinator.request(HttpMethod.DELETE, "/v1/leases/" + lease + "/share", alice,
        null));
    for (Function<String, HttpResponse<Buffer>> route : routes(bobsRun)) {
      assertError(route.apply(useShare), 404, "run_not_found");
      assertError(route.apply(orgMember), 404, "run_not_found");
    }
    assertOk(200, coordinator.get("/v1/runs/" + bobsRun, alice));
    assertEquals("bob", coordinator.get("/v1/runs/" + bobsRun, alice).bodyAsJsonObject()
        .getString("owner"));
  }
}
