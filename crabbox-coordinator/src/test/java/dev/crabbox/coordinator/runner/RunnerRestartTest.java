package dev.crabbox.coordinator.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A coordinator restart keeps every runner row, its stale mark and its first-seen time. */
class RunnerRestartTest extends RunnerTestBase {

  @Test
  void aRestartKeepsRunnersAndTheirMarks() {
    synced(alice, runner("a", "running").put("repo", "acme/widgets").put("runId", 7)
        .put("labels", new JsonObject().put("size", "4vcpu")), runner("b", "queued"));
    coordinator.clock().advance(Duration.ofMinutes(1));
    synced(alice, runner("a", "running").put("repo", "acme/widgets").put("runId", 7)
        .put("labels", new JsonObject().put("size", "4vcpu")));
    JsonArray before = list(coordinator.adminToken());

    coordinator.restart();

    assertEquals(before, list(coordinator.adminToken()));
    assertTrue(detail(alice, "b").getBoolean("stale"));
    // The next sync after the restart still compares against the stored rows.
    assertEquals(new JsonObject().put("synced", 1).put("stale", 1),
        synced(alice, runner("b", "queued")));
    assertEquals("2025-01-01T00:00:00Z", detail(alice, "b").getString("firstSeenAt"));
  }
}
