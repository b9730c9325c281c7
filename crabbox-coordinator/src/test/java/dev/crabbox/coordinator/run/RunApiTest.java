package dev.crabbox.coordinator.run;

import static dev.crabbox.coordinator.support.TestCoordinator.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.MutableClock;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Recording a run: create, events, logs, telemetry, JUnit, finish; reading it back. */
class RunApiTest extends RunTestBase {

  @Test
  void recordsARunAndShowsItBack() {
    JsonObject leaseJson = coordinator.get("/v1/leases/" + lease, alice).bodyAsJsonObject();
    JsonObject run = run(alice, "mvn -q test");
    String id = run.getString("id");
    assertTrue(id.matches("run_[0-9a-f]{12}"), id);
    assertEquals(new JsonObject().put("id", id).put("leaseID", lease)
        .put("slug", leaseJson.getString("slug")).put("owner", "alice").put("org", "acme")
        .put("provider", "manual").put("command", "mvn -q test").put("state", "running")
        .put("startedAt", "2025-01-01T00:00:00Z").putNull("endedAt").putNull("exitCode"), run);

    HttpResponse<Buffer> appended = events(id, alice,
        new JsonObject().put("type", "run.started"),
        new JsonObject().put("type", "command.started").put("at", "2025-01-01T00:00:01.500Z")
            .put("data", new JsonObject().put("argv", new JsonArray().add("mvn"))),
        new JsonObject().put("type", "command.output").put("data", "line"));
    assertOk(200, appended);
    assertEquals(3, appended.bodyAsJsonObject().getInteger("appended"));
    coordinator.clock().advance(Duration.ofSeconds(2));
    assertOk(200, events(id, alice, new JsonObject().put("type", "command.finished")
        .put("data", new JsonObject().put("exitCode", 0))));

    assertOk(200, coordinator.postText("/v1/runs/" + id + "/logs", alice, "hello\n"));
    HttpResponse<Buffer> logged = post(id, "logs", alice, new JsonObject().put("text", "wörld\n"));
    assertOk(200, logged);
    assertEquals(13, logged.bodyAsJsonObject().getLong("retainedBytes"));

    HttpResponse<Buffer> sample = telemetry(id, alice, 0.75, null);
    assertOk(200, sample);
    assertEquals(new JsonObject().put("at", "2025-01-01T00:00:02Z").put("load1", 0.75)
        .put("memoryPercent", 40.5).put("diskPercent", 70.0), sample.bodyAsJsonObject());
    assertOk(200, post(id, "junit", alice, junitBody()));

    HttpResponse<Buffer> finished = finish(id, alice, 0);
    assertOk(200, finished);
    assertEquals("succeeded", finished.bodyAsJsonObject().getString("state"));
    assertEquals(0, finished.bodyAsJsonObject().getInteger("exitCode"));
    assertEquals("2025-01-01T00:00:02Z", finished.bodyAsJsonObject().getString("endedAt"));

    JsonObject detail = coordinator.get("/v1/runs/" + id, alice).bodyAsJsonObject();
    JsonObject base = detail.copy();
    base.remove("junit");
    base.remove("telemetry");
    assertEquals(finished.bodyAsJsonObject(), base);
    assertEquals(new JsonObject().put("suites", 2).put("tests", 10).put("failures", 1)
        .put("errors", 0).put("skipped", 1).put("timeSeconds", 3.5)
        .put("failedTests", new JsonArray().add("dev.x.FooTest.bar")), detail.getJsonObject("junit"));
    assertEquals(new JsonArray().add(sample.bodyAsJsonObject()), detail.getJsonArray("telemetry"));

    HttpResponse<Buffer> log = coordinator.get("/v1/runs/" + id + "/logs", alice);
    assertEquals(200, log.statusCode());
    assertTrue(log.getHeader("Content-Type").startsWith("text/plain"), log.getHeader("Content-Type"));
    assertEquals("hello\nwörld\n", log.bodyAsString("UTF-8"));

    JsonArray events = coordinator.get("/v1/runs/" + id + "/events", alice).bodyAsJsonObject()
        .getJsonArray("events");
    assertEquals(new JsonArray()
        .add(new JsonObject().put("type", "run.started").put("at", "2025-01-01T00:00:00Z"))
        .add(new JsonObject().put("type", "command.started").put("at", "2025-01-01T00:00:01.500Z")
            .put("data", new JsonObject().put("argv", new JsonArray().add("mvn"))))
        .add(new JsonObject().put("type", "command.output").put("at", "2025-01-01T00:00:00Z")
            .put("data", "line"))
        .add(new JsonObject().put("type", "command.finished").put("at", "2025-01-01T00:00:02Z")
            .put("data", new JsonObject().put("exitCode", 0))), events);
  }

  @Test
  void aRunWithoutRecordsShowsEmptyParts() {
    String id = run(alice, "true").getString("id");
    JsonObject detail = coordinator.get("/v1/runs/" + id, alice).bodyAsJsonObject();
    assertFalse(detail.containsKey("junit"));
    assertEquals(new JsonArray(), detail.getJsonArray("telemetry"));
    assertEquals("", logOf(id));
    assertEquals(new JsonObject().put("events", new JsonArray()),
        coordinator.get("/v1/runs/" + id + "/events", alice).bodyAsJsonObject());
  }

  @Test
  void providerDefaultsToTheLeasesAndMayBeGiven() {
    HttpResponse<Buffer> created = coordinator.post("/v1/runs", alice, new JsonObject()
        .put("leaseID", coordinator.get("/v1/leases/" + lease, alice).bodyAsJsonObject()
            .getString("slug"))
        .put("command", "make").put("provider", "local"));
    assertOk(201, created);
    assertEquals("local", created.bodyAsJsonObject().getString("provider"));
    assertEquals(lease, created.bodyAsJsonObject().getString("leaseID"), "a slug names the lease");
  }

  @Test
  void listsTheLeasesRunsNewestFirst() {
    String first = run(alice, "one").getString("id");
    coordinator.clock().advance(Duration.ofSeconds(1));
    String second = run(alice, "two").getString("id");
    String other = coordinator.createLeaseId(alice);
    createRun(coordinator, alice, other, "elsewhere");
    JsonArray runs = coordinator.get("/v1/leases/" + lease + "/runs", alice).bodyAsJsonObject()
        .getJsonArray("runs");
    assertEquals(2, runs.size());
    assertEquals(second, runs.getJsonObject(0).getString("id"));
    assertEquals(first, runs.getJsonObject(1).getString("id"));
    assertError(coordinator.get("/v1/leases/cbx_000000000000/runs", alice), 404, "lease_not_found");
  }

  @Test
  void finishingEndsTheRunOnce() {
    String ok = run(alice, "true").getString("id");
    String bad = run(alice, "false").getString("id");
    JsonObject failed = finish(bad, alice, 3).bodyAsJsonObject();
    assertEquals("failed", failed.getString("state"));
    assertEquals(3, failed.getInteger("exitCode"));
    assertEquals("failed", coordinator.get("/v1/runs/" + bad, alice).bodyAsJsonObject()
        .getString("state"));
    assertOk(200, finish(ok, alice, 0));

    assertError(finish(ok, alice, 0), 409, "run_finished");
    assertError(finish(bad, alice, 1), 409, "run_finished");
    assertError(events(ok, alice, new JsonObject().put("type", "command.output")), 409,
        "run_finished");
    assertError(coordinator.postText("/v1/runs/" + ok + "/logs", alice, "late\n"), 409,
        "run_finished");
    assertError(telemetry(ok, alice, 1, null), 409, "run_finished");
    assertOk(200, post(ok, "junit", alice, junitBody()));
    assertEquals(0, coordinator.get("/v1/runs/" + ok, alice).bodyAsJsonObject()
        .getInteger("exitCode"));
    assertEquals("", logOf(ok));
    assertEquals(0, coordinator.get("/v1/runs/" + ok + "/events", alice).bodyAsJsonObject()
        .getJsonArray("events").size());
  }

  @Test
  void runsNeedAnActiveLease() {
    assertOk(200, coordinator.post("/v1/leases/" + lease + "/release", alice, null));
    assertError(createRun(coordinator, alice, lease, "true"), 409, "lease_not_active");

    String other = coordinator.createLeaseId(alice);
    coordinator.clock().advance(Duration.ofHours(2));
    assertError(createRun(coordinator, alice, other, "true"), 409, "lease_not_active");
    assertError(createRun(coordinator, alice, "cbx_000000000000", "true"), 404, "lease_not_found");
  }

  @Test
  void refusesMalformedBodies() {
    assertError(coordinator.post("/v1/runs", alice, new JsonObject().put("command", "x")), 400,
        "bad_request");
    assertError(coordinator.post("/v1/runs", alice, new JsonObject().put("leaseID", lease)), 400,
        "bad_request");
    assertError(coordinator.post("/v1/runs", alice, new JsonObject().put("leaseID", lease)
        .put("command", 7)), 400, "bad_request");
    assertError(coordinator.post("/v1/runs", alice, new JsonObject().put("leaseID", lease)
        .put("command", "x").put("provider", "No Such")), 400, "bad_request");
    assertError(coordinator.postText("/v1/runs", alice, "{not json"), 400, "bad_request");

    String id = run(alice, "true").getString("id");
    assertError(post(id, "events", alice, new JsonObject()), 400, "bad_request");
    assertError(post(id, "events", alice, new JsonObject().put("events", "x")), 400, "bad_request");
    assertError(events(id, alice, new JsonObject().put("type", "")), 400, "bad_request");
    assertError(events(id, alice, new JsonObject()), 400, "bad_request");
    assertError(events(id, alice, new JsonObject().put("type", "a").put("at", "yesterday")), 400,
        "bad_request");
    assertError(post(id, "events", alice, new JsonObject().put("events", new JsonArray().add(1))),
        400, "bad_request");
    JsonObject[] tooMany = new JsonObject[RunRequests.MAX_EVENTS_PER_CALL + 1];
    for (int i = 0; i < tooMany.length; i++) {
      tooMany[i] = new JsonObject().put("type", "command.output").put("data", i);
    }
    assertError(events(id, alice, tooMany), 400, "bad_request");
    JsonObject[] most = java.util.Arrays.copyOf(tooMany, RunRequests.MAX_EVENTS_PER_CALL);
    assertOk(200, events(id, alice, most));
    JsonArray stored = coordinator.get("/v1/runs/" + id + "/events", alice).bodyAsJsonObject()
        .getJsonArray("events");
    assertEquals(500, stored.size(), "only the accepted call was stored");
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(i, stored.getJsonObject(i).getInteger("data"));
    }

    assertError(post(id, "logs", alice, new JsonObject().put("text", 5)), 400, "bad_request");
    assertError(post(id, "logs", alice, new JsonObject()), 400, "bad_request");
    assertError(post(id, "telemetry", alice, new JsonObject().put("memoryPercent", 1)
        .put("diskPercent", 1)), 400, "bad_request");
    assertError(post(id, "telemetry", alice, new JsonObject().put("load1", 1)
        .put("memoryPercent", 101).put("diskPercent", 1)), 400, "bad_request");
    assertError(post(id, "telemetry", alice, new JsonObject().put("load1", -1)
        .put("memoryPercent", 1).put("diskPercent", 1)), 400, "bad_request");
    assertError(post(id, "telemetry", alice, new JsonObject().put("load1", "high")
        .put("memoryPercent", 1).put("diskPercent", 1)), 400, "bad_request");
    assertError(post(id, "junit", alice, junitBody().put("tests", -1)), 400, "bad_request");
    assertError(post(id, "junit", alice, junitBody().put("failedTests", "Foo")), 400, "bad_request");
    assertError(post(id, "junit", alice, junitBody().put("failedTests", new JsonArray().add(3))),
        400, "bad_request");
    JsonObject noSuites = junitBody();
    noSuites.remove("suites");
    assertError(post(id, "junit", alice, noSuites), 400, "bad_request");
    assertError(post(id, "finish", alice, new JsonObject()), 400, "bad_request");
    assertError(post(id, "finish", alice, new JsonObject().put("exitCode", "0")), 400, "bad_request");
    assertError(post(id, "finish", alice, new JsonObject().put("exitCode", 1.5)), 400, "bad_request");
    assertEquals("running", coordinator.get("/v1/runs/" + id, alice).bodyAsJsonObject()
        .getString("state"), "bad bodies change nothing");
    assertFalse(coordinator.get("/v1/runs/" + id, alice).bodyAsJsonObject().containsKey("junit"));
  }

  @Test
  void unknownAndMalformedRunIdsAreNotFound() {
    for (String id : new String[] {"run_000000000000", "nope", "cbx_000000000000"}) {
      assertError(coordinator.get("/v1/runs/" + id, alice), 404, "run_not_found");
      assertError(coordinator.get("/v1/runs/" + id + "/logs", alice), 404, "run_not_found");
      assertError(finish(id, alice, 0), 404, "run_not_found");
    }
    assertError(coordinator.request(HttpMethod.GET, "/v1/runs/run_000000000000", null, null), 401,
        "unauthorized");
  }

  @Test
  void telemetryKeepsTheNewestSixtySamplesPerLease() {
    String first = run(alice, "soak").getString("id");
    for (int i = 0; i < 65; i++) {
      assertOk(200, telemetry(first, alice, i, MutableClock.START.plusSeconds(i).toString()));
    }
    JsonArray samples = coordinator.get("/v1/runs/" + first, alice).bodyAsJsonObject()
        .getJsonArray("telemetry");
    assertEquals(RunService.TELEMETRY_PER_LEASE, samples.size());
    assertEquals(60, RunService.TELEMETRY_PER_LEASE);
    assertEquals(5.0, samples.getJsonObject(0).getDouble("load1"), "oldest five dropped");
    assertEquals(64.0, samples.getJsonObject(59).getDouble("load1"));

    String second = run(alice, "soak again").getString("id");
    assertOk(200, telemetry(second, alice, 99, MutableClock.START.plusSeconds(100).toString()));
    assertEquals(59, coordinator.get("/v1/runs/" + first, alice).bodyAsJsonObject()
        .getJsonArray("telemetry").size(), "the cap is per lease, across its runs");
    assertEquals(1, coordinator.get("/v1/runs/" + second, alice).bodyAsJsonObject()
        .getJsonArray("telemetry").size());

    String otherLease = coordinator.createLeaseId(alice);
    String elsewhere = createRun(coordinator, alice, otherLease, "x").bodyAsJsonObject()
        .getString("id");
    assertOk(200, telemetry(elsewhere, alice, 1, null));
    assertEquals(1, coordinator.get("/v1/runs/" + second, alice).bodyAsJsonObject()
        .getJsonArray("telemetry").size(), "another lease's samples do not count");
  }

  /** The run's log as alice sees it; an empty body reads as "". */
  private String logOf(String id) {
    HttpResponse<Buffer> response = coordinator.get("/v1/runs/" + id + "/logs", alice);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    String body = response.bodyAsString("UTF-8");
    return body == null ? "" : body;
  }
}
