package dev.crabbox.coordinator.runner;

import static dev.crabbox.coordinator.support.TestCoordinator.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** External runner rows never leak to normal users: admins see all, users their own. */
class RunnerAccessTest extends RunnerTestBase {

  @Test
  void adminsSeeEveryRunnerAndUsersOnlyTheirOwn() {
    String bob = coordinator.token("bob", "acme");
    String carol = coordinator.token("carol", "other");
    synced(alice, runner("a1", "running"), runner("a2", "queued"));
    synced(bob, runner("b1", "running"));

    assertEquals(List.of("a1", "a2", "b1"), ids(list(coordinator.adminToken())));
    assertEquals(List.of("a1", "a2"), ids(list(alice)));
    assertEquals(List.of("b1"), ids(list(bob)), "same org is not enough");
    assertEquals(List.of(), ids(list(carol)));

    assertEquals("bob", detail(coordinator.adminToken(), "b1").getString("owner"));
    assertEquals("alice", detail(alice, "a1").getString("owner"));
    assertError(coordinator.get("/v1/runners/" + PROVIDER + "/a1", bob), 404,
        "runner_not_found");
    assertError(coordinator.get("/v1/runners/" + PROVIDER + "/a1", carol), 404,
        "runner_not_found");
    assertError(coordinator.get("/v1/runners/" + PROVIDER + "/missing", alice), 404,
        "runner_not_found");
    assertError(coordinator.get("/v1/runners/" + PROVIDER + "/missing", coordinator.adminToken()),
        404, "runner_not_found");
    assertError(coordinator.get("/v1/runners/hetzner/a1", coordinator.adminToken()), 404,
        "runner_not_found");
  }

  @Test
  void theProviderFilterKeepsVisibility() {
    String bob = coordinator.token("bob", "acme");
    synced(alice, runner("a1", "running"));
    synced(bob, runner("b1", "running"));
    assertEquals(1, coordinator.get("/v1/runners?provider=" + PROVIDER, alice).bodyAsJsonObject()
        .getJsonArray("runners").size());
    assertEquals(2, coordinator.get("/v1/runners?provider=" + PROVIDER, coordinator.adminToken())
        .bodyAsJsonObject().getJsonArray("runners").size());
  }
}
