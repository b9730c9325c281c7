package dev.crabbox.coordinator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A coordinator restart loses no run, event, log, telemetry sample or JUnit summary. */
class RunRestartTest extends RunTestBase {

  @Test
  void aRestartKeepsEverythingAboutRuns() {
    String done = run(alice, "mvn test").getString("id");
    assertOk(200, events(done, alice, new JsonObject().put("type", "run.started"),
        new JsonObject().put("type", "command.finished").put("data", new JsonObject()
            .put("exitCode", 1))));
    assertOk(200, coordinator.postText("/v1/runs/" + done + "/logs", alice, "compiling\nfailed\n"));
    assertOk(200, telemetry(done, alice, 2.5, null));
    assertOk(200, post(done, "junit", alice, junitBody()));
    assertOk(200, finish(done, alice, 1));
    coordinator.clock().advance(java.time.Duration.ofSeconds(1));
    String running = run(alice, "sleep 600").getString("id");
    assertOk(200, coordinator.postText("/v1/runs/" + running + "/logs", alice, "a\n"));

    JsonObject detail = coordinator.get("/v1/runs/" + done, alice).bodyAsJsonObject();
    JsonObject events = coordinator.get("/v1/runs/" + done + "/events", alice).bodyAsJsonObject();
    JsonObject list = coordinator.get("/v1/leases/" + lease + "/runs", alice).bodyAsJsonObject();

    coordinator.restart();

    assertEquals(detail, coordinator.get("/v1/runs/" + done, alice).bodyAsJsonObject());
    assertEquals("failed", detail.getString("state"));
    assertEquals(1, detail.getJsonArray("telemetry").size());
    assertEquals(10, detail.getJsonObject("junit").getInteger("tests"));
    assertEquals(events, coordinator.get("/v1/runs/" + done + "/events", alice).bodyAsJsonObject());
    assertEquals(2, events.getJsonArray("events").size());
    assertEquals("compiling\nfailed\n", coordinator.get("/v1/runs/" + done + "/logs", alice)
        .bodyAsString("UTF-8"));
    assertEquals(list, coordinator.get("/v1/leases/" + lease + "/runs", alice).bodyAsJsonObject());

    assertOk(200, coordinator.postText("/v1/runs/" + running + "/logs", alice, "b\n"));
    assertOk(200, events(running, alice, new JsonObject().put("type", "command.output")));
    assertEquals("a\nb\n", coordinator.get("/v1/runs/" + running + "/logs", alice)
        .bodyAsString("UTF-8"));
    assertEquals(new JsonArray().add(running).add(done), new JsonArray(coordinator
        .get("/v1/leases/" + lease + "/runs", alice).bodyAsJsonObject().getJsonArray("runs")
        .stream().map(r -> ((JsonObject) r).getString("id")).collect(java.util.stream.Collectors
            .toList())));
  }
}
