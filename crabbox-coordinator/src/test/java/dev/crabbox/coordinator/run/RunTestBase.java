package dev.crabbox.coordinator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.support.LeaseTestBase;
import dev.crabbox.coordinator.support.TestCoordinator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** {@link LeaseTestBase} plus helpers for the run routes. */
abstract class RunTestBase extends LeaseTestBase {

  static HttpResponse<Buffer> createRun(TestCoordinator coordinator, String token, String lease,
      String command) {
    return coordinator.post("/v1/runs", token, new JsonObject().put("leaseID", lease)
        .put("command", command));
  }

  /** Creates a run (must succeed) and returns its JSON. */
  JsonObject run(String token, String command) {
    HttpResponse<Buffer> response = createRun(coordinator, token, lease, command);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  HttpResponse<Buffer> post(String run, String what, String token, JsonObject body) {
    return coordinator.post("/v1/runs/" + run + "/" + what, token, body);
  }

  HttpResponse<Buffer> events(String run, String token, JsonObject... events) {
    JsonArray array = new JsonArray();
    for (JsonObject event : events) {
      array.add(event);
    }
    return post(run, "events", token, new JsonObject().put("events", array));
  }

  HttpResponse<Buffer> telemetry(String run, String token, double load1, String at) {
    JsonObject body = new JsonObject().put("load1", load1).put("memoryPercent", 40.5)
        .put("diskPercent", 70);
    if (at != null) {
      body.put("at", at);
    }
    return post(run, "telemetry", token, body);
  }

  static JsonObject junitBody() {
    return new JsonObject().put("suites", 2).put("tests", 10).put("failures", 1).put("errors", 0)
        .put("skipped", 1).put("timeSeconds", 3.5)
        .put("failedTests", new JsonArray().add("dev.x.FooTest.bar"));
  }

  HttpResponse<Buffer> finish(String run, String token, int exitCode) {
    return post(run, "finish", token, new JsonObject().put("exitCode", exitCode));
  }

  static void assertOk(int status, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
  }
}
