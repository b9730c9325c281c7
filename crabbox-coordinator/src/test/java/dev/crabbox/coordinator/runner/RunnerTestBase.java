package dev.crabbox.coordinator.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.support.CoordinatorTestBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** {@link CoordinatorTestBase} plus helpers for the runner routes. */
abstract class RunnerTestBase extends CoordinatorTestBase {

  static final String PROVIDER = "blacksmith-testbox";

  static JsonObject runner(String id, String status) {
    return new JsonObject().put("id", id).put("status", status);
  }

  HttpResponse<Buffer> sync(String token, JsonObject... runners) {
    JsonArray array = new JsonArray();
    for (JsonObject runner : runners) {
      array.add(runner);
    }
    return coordinator.post("/v1/runners/sync", token, new JsonObject().put("provider", PROVIDER)
        .put("runners", array));
  }

  /** Syncs (must succeed) and returns {@code {synced, stale}}. */
  JsonObject synced(String token, JsonObject... runners) {
    HttpResponse<Buffer> response = sync(token, runners);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  /** The runners {@code token} sees, by {@code GET /v1/runners}. */
  JsonArray list(String token) {
    HttpResponse<Buffer> response = coordinator.get("/v1/runners", token);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonArray("runners");
  }

  static List<String> ids(JsonArray runners) {
    List<String> out = new ArrayList<>();
    runners.forEach(r -> out.add(((JsonObject) r).getString("id")));
    out.sort(null);
    return out;
  }

  /** {@code GET /v1/runners/blacksmith-testbox/{id}} (must succeed). */
  JsonObject detail(String token, String id) {
    HttpResponse<Buffer> response = coordinator.get("/v1/runners/" + PROVIDER + "/" + id, token);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }
}
