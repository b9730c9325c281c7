package dev.crabbox.coordinator.runner;

import static dev.crabbox.coordinator.support.TestCoordinator.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.MutableClock;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sync, stale marks, limits, stuck markers and the Actions link of external runners. */
class RunnerApiTest extends RunnerTestBase {

  private static final String START = MutableClock.START.toString();

  @Test
  void syncUpsertsRunnersWithTheCallersOwnerAndOrg() {
    JsonObject full = runner("tbx_1", "running").put("name", "testbox one")
        .put("repo", "acme/widgets").put("workflow", "ci.yml").put("runId", 4242)
        .put("job", "build").put("createdAt", "2024-12-31T23:50:00Z")
        .put("startedAt", "2024-12-31T23:55:00Z").put("labels", new JsonObject().put("os", "linux"));
    assertEquals(new JsonObject().put("synced", 2).put("stale", 0),
        synced(alice, full, runner("tbx_2", "queued")));

    JsonObject one = detail(alice, "tbx_1");
    assertEquals(PROVIDER, one.getString("provider"));
    assertEquals("testbox one", one.getString("name"));
    assertEquals("alice", one.getString("owner"));
    assertEquals("acme", one.getString("org"));
    assertEquals("running", one.getString("status"));
    assertEquals("acme/widgets", one.getString("repo"));
    assertEquals("ci.yml", one.getString("workflow"));
    assertEquals("4242", one.getString("runId"));
    assertEquals("build", one.getString("job"));
    assertEquals(new JsonObject().put("os", "linux"), one.getJsonObject("labels"));
    assertEquals("2024-12-31T23:50:00Z", one.getString("createdAt"));
    assertEquals("2024-12-31T23:55:00Z", one.getString("startedAt"));
    assertEquals(START, one.getString("firstSeenAt"));
    assertEquals(START, one.getString("lastSeenAt"));
    assertFalse(one.getBoolean("stale"));
    assertNull(one.getString("staleSince"));
    assertFalse(one.getBoolean("stuck"));
    assertEquals("https://github.com/acme/widgets/actions/runs/4242",
        one.getString("actionsRunUrl"));
    assertEquals("blacksmith testbox stop tbx_1", one.getString("stopCommand"));
    assertNull(detail(alice, "tbx_2").getString("actionsRunUrl"), "no repo, no run id");

    // Seen again later with news: fields replaced, firstSeenAt kept, lastSeenAt moves.
    coordinator.clock().advance(Duration.ofMinutes(5));
    synced(alice, runner("tbx_1", "completed").put("runId", "4242").put("repo", "acme/widgets"),
        runner("tbx_2", "running"));
    one = detail(alice, "tbx_1");
    assertEquals("completed", one.getString("status"));
    assertEquals(START, one.getString("firstSeenAt"));
    assertEquals("2025-01-01T00:05:00Z", one.getString("lastSeenAt"));
    assertNull(one.getString("name"));
    assertEquals(2, list(alice).size());
  }

  @Test
  void aRunnerTheNextSyncMissesBecomesStaleAndRecoversWhenSeenAgain() {
    synced(alice, runner("a", "running"), runner("b", "queued"), runner("c", "running"));
    coordinator.clock().advance(Duration.ofMinutes(1));
    assertEquals(new JsonObject().put("synced", 1).put("stale", 2),
        synced(alice, runner("a", "running")));

    JsonObject b = detail(alice, "b");
    assertTrue(b.getBoolean("stale"));
    assertEquals("2025-01-01T00:01:00Z", b.getString("staleSince"));
    assertEquals(START, b.getString("lastSeenAt"));
    assertFalse(detail(alice, "a").getBoolean("stale"));
    assertEquals(List.of("a", "b", "c"), ids(list(alice)), "stale rows are kept, never deleted");

    // Already stale rows are not counted again and keep their staleSince.
    coordinator.clock().advance(Duration.ofMinutes(1));
    assertEquals(new JsonObject().put("synced", 1).put("stale", 0),
        synced(alice, runner("a", "running")));
    assertEquals("2025-01-01T00:01:00Z", detail(alice, "b").getString("staleSince"));

    // Seen again: no longer stale.
    assertEquals(new JsonObject().put("synced", 2).put("stale", 0),
        synced(alice, runner("a", "running"), runner("b", "running")));
    b = detail(alice, "b");
    assertFalse(b.getBoolean("stale"));
    assertNull(b.getString("staleSince"));
    assertEquals("2025-01-01T00:02:00Z", b.getString("lastSeenAt"));

    // An empty sync makes every runner of the owner stale.
    assertEquals(new JsonObject().put("synced", 0).put("stale", 2), synced(alice));
    list(alice).forEach(r -> assertTrue(((JsonObject) r).getBoolean("stale")));
  }

  @Test
  void anotherOwnersSyncLeavesTheFirstOwnersRunnersAlone() {
    String bob = coordinator.token("bob", "acme");
    synced(alice, runner("a", "running"));
    assertEquals(new JsonObject().put("synced", 1).put("stale", 0),
        synced(bob, runner("b", "running")));
    assertFalse(detail(alice, "a").getBoolean("stale"));
  }

  @Test
  void atMost200RunnersPerSync() {
    JsonObject[] runners = new JsonObject[201];
    for (int i = 0; i < runners.length; i++) {
      runners[i] = runner("tbx_" + i, "running");
    }
    HttpResponse<Buffer> tooMany = sync(alice, runners);
    assertError(tooMany, 400, "bad_request");
    assertTrue(tooMany.bodyAsJsonObject().getString("message")
        .contains("at most 200 runners per sync, got 201"), tooMany.bodyAsString());
    assertEquals(0, list(alice).size(), "nothing of a refused sync is stored");

    JsonObject[] exactly = java.util.Arrays.copyOf(runners, 200);
    assertEquals(new JsonObject().put("synced", 200).put("stale", 0), synced(alice, exactly));
    assertEquals(200, list(alice).size());
  }

  @Test
  void malformedSyncsAre400() {
    List<JsonObject> bodies = List.of(
        new JsonObject(),
        new JsonObject().put("provider", PROVIDER),
        new JsonObject().put("provider", "hetzner").put("runners", new JsonArray()),
        new JsonObject().put("runners", new JsonArray()),
        new JsonObject().put("provider", PROVIDER).put("runners", "x"),
        body(new JsonObject().put("status", "running")),
        body(runner("a", "flying")),
        body(new JsonObject().put("id", "a")),
        body(runner("a b", "running")),
        body(runner("a;rm -rf", "running")),
        body(runner("a", "running").put("repo", "not a repo")),
        body(runner("a", "running").put("runId", "12x")),
        body(runner("a", "running").put("runId", -1)),
        body(runner("a", "running").put("createdAt", "yesterday")),
        body(runner("a", "running").put("startedAt", 5)),
        body(runner("a", "running").put("labels", new JsonObject().put("k", 1))),
        body(runner("a", "running").put("labels", "k=v")),
        body(runner("a", "running").put("name", 7)),
        body(runner("a", "running"), runner("a", "queued")));
    for (JsonObject body : bodies) {
      assertError(coordinator.post("/v1/runners/sync", alice, body), 400, "bad_request");
    }
    assertError(coordinator.post("/v1/runners/sync", alice, null), 400, "bad_request");
    assertError(coordinator.get("/v1/runners?provider=nope", alice), 400, "bad_request");
    assertEquals(0, list(alice).size());
  }

  @Test
  void routesNeedAToken() {
    assertError(sync(null, runner("a", "running")), 401, "unauthorized");
    assertError(coordinator.get("/v1/runners", null), 401, "unauthorized");
    assertError(coordinator.get("/v1/runners/" + PROVIDER + "/a", null), 401, "unauthorized");
  }

  @Test
  void queuedIsStuckAfter20MinutesSinceCreatedOrFirstSeen() {
    synced(alice, runner("created", "queued").put("createdAt", "2024-12-31T23:50:00Z"),
        runner("seen", "queued"));
    coordinator.clock().advance(Duration.ofMinutes(10));
    assertFalse(detail(alice, "created").getBoolean("stuck"), "exactly 20 min is not more");
    coordinator.clock().advance(Duration.ofMillis(1));
    assertTrue(detail(alice, "created").getBoolean("stuck"));
    assertFalse(detail(alice, "seen").getBoolean("stuck"));
    coordinator.clock().advance(Duration.ofMinutes(10).minusMillis(1));
    assertFalse(detail(alice, "seen").getBoolean("stuck"));
    coordinator.clock().advance(Duration.ofMillis(1));
    JsonObject seen = detail(alice, "seen");
    assertTrue(seen.getBoolean("stuck"));
    assertTrue(((JsonObject) list(alice).getValue(0)).getBoolean("stuck"), "lists mark it too");

    // Running now (started just now): no longer stuck.
    synced(alice, runner("seen", "running").put("startedAt", coordinator.clock().instant()
        .toString()), runner("created", "completed"));
    assertFalse(detail(alice, "seen").getBoolean("stuck"));
    assertFalse(detail(alice, "created").getBoolean("stuck"), "completed is never stuck");
  }

  @Test
  void runningIsStuckAfter90MinutesSinceStartedOrFirstSeen() {
    synced(alice, runner("started", "running").put("startedAt", "2024-12-31T23:30:00Z"),
        runner("seen", "running"), runner("unknown", "unknown"));
    coordinator.clock().advance(Duration.ofMinutes(60));
    assertFalse(detail(alice, "started").getBoolean("stuck"));
    coordinator.clock().advance(Duration.ofMillis(1));
    assertTrue(detail(alice, "started").getBoolean("stuck"));
    assertFalse(detail(alice, "seen").getBoolean("stuck"));
    coordinator.clock().advance(Duration.ofMinutes(30));
    assertTrue(detail(alice, "seen").getBoolean("stuck"));
    assertFalse(detail(alice, "unknown").getBoolean("stuck"));

    // A sync that still reports it does not reset firstSeenAt.
    synced(alice, runner("seen", "running"), runner("started", "running")
        .put("startedAt", "2024-12-31T23:30:00Z"));
    assertTrue(detail(alice, "seen").getBoolean("stuck"));
    // A stale runner is not stuck: its last status says nothing about now.
    synced(alice, runner("seen", "running"));
    assertFalse(detail(alice, "started").getBoolean("stuck"));
    assertTrue(detail(alice, "started").getBoolean("stale"));
  }

  private static JsonObject body(JsonObject... runners) {
    JsonArray array = new JsonArray();
    for (JsonObject runner : runners) {
      array.add(runner);
    }
    return new JsonObject().put("provider", PROVIDER).put("runners", array);
  }
}
