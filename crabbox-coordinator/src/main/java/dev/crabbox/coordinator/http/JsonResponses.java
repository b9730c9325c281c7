package dev.crabbox.coordinator.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Supplier;

/** Writes JSON answers; the only place that sets the API's content type. */
public final class JsonResponses {

  private static final String JSON = "application/json; charset=utf-8";

  private JsonResponses() {}

  public static Future<Void> send(HttpServerResponse response, int status, Map<String, Object> body) {
    return send(response, status, new JsonObject(body));
  }

  public static Future<Void> send(HttpServerResponse response, int status, JsonObject body) {
    if (response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    return response.setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.encode());
  }

  /**
   * Runs a route's action and answers its JSON with {@code status}; any failure, thrown or
   * asynchronous, goes to the router's failure handler.
   */
  public static void respond(RoutingContext ctx, int status, Supplier<Future<JsonObject>> action) {
    Future<JsonObject> result;
    try {
      result = action.get();
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    result.onSuccess(json -> send(ctx.response(), status, json)).onFailure(ctx::fail);
  }

  public static Future<Void> error(HttpServerResponse response, ApiException failure) {
    return send(response, failure.status(), failure.toError().toJson());
  }
}
