package dev.crabbox.cli.runner;

import dev.crabbox.agent.api.CoordinatorApiException;
import dev.crabbox.cli.options.CoordinatorTarget;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code POST /v1/runners/sync}: reports the caller's external runners of one provider. The
 * coordinator records them for the caller and marks the caller's runners of that provider that
 * the sync does not carry as stale. A non-2xx answer fails with {@link CoordinatorApiException},
 * which the CLI's error handler maps to its exit code like every other coordinator refusal.
 */
final class RunnerSyncClient {
  /** What the coordinator answered: runners written, runners that became stale. */
  record Synced(int synced, int stale) {
  }

  private static final String PATH = "/v1/runners/sync";

  private final Vertx vertx;
  private final CoordinatorTarget target;
  private final String token;

  RunnerSyncClient(Vertx vertx, CoordinatorTarget target, String token) {
    this.vertx = vertx;
    this.target = target;
    this.token = token;
  }

  /** Syncs {@code runners} (at most the coordinator's per-sync limit) of {@code provider}. */
  Future<Synced> sync(String provider, List<JsonObject> runners) {
    JsonObject body = new JsonObject().put("provider", provider)
        .put("runners", new JsonArray(List.<Object>copyOf(runners)));
    HttpClient http = vertx.createHttpClient(target.tls().apply(new HttpClientOptions()));
    RequestOptions request = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(base() + PATH)
        .putHeader(HttpHeaders.ACCEPT, "application/json")
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    // The body is asked for in the callback that receives the response, before the event loop
    // can have read past it (see CoordinatorClient for why that matters).
    return http.request(request)
        .compose(req -> req.send(body.toBuffer())
            .compose(response -> response.body().compose(payload -> answer(response.statusCode(), payload))))
        .eventually(http::close);
  }

  private String base() {
    String uri = target.baseUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static Future<Synced> answer(int status, Buffer payload) {
    JsonObject json = object(payload);
    if (status / 100 == 2) {
      if (json == null || !(json.getValue("synced") instanceof Number synced)
          || !(json.getValue("stale") instanceof Number stale)) {
        return Future.failedFuture(new CoordinatorApiException(status, "bad_response",
            "POST " + PATH + " answered " + status + " without {synced, stale}"));
      }
      return Future.succeededFuture(new Synced(synced.intValue(), stale.intValue()));
    }
    String code = json != null && json.getValue("error") instanceof String error ? error : "http_" + status;
    String message = json != null && json.getValue("message") instanceof String text ? text
        : "POST " + PATH + " failed with HTTP " + status;
    return Future.failedFuture(new CoordinatorApiException(status, code, message));
  }

  private static JsonObject object(Buffer payload) {
    try {
      return payload.length() == 0 ? null : new JsonObject(payload);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
