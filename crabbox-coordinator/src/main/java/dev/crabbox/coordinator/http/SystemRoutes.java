package dev.crabbox.coordinator.http;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.protocol.api.ApiTimes;
import dev.crabbox.protocol.api.Whoami;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code GET /v1/health} (no auth) and {@code GET /v1/whoami}. Health carries what its details
 * supplier adds (node, cluster, store); a detail {@code "status":"unavailable"} answers 503, so
 * that a balancer takes the node out.
 */
public final class SystemRoutes {

  private final BearerAuthHandler auth;
  private final Clock clock;
  private final Supplier<Future<JsonObject>> healthDetails;

  public SystemRoutes(BearerAuthHandler auth, Clock clock) {
    this(auth, clock, () -> Future.succeededFuture(new JsonObject()));
  }

  public SystemRoutes(BearerAuthHandler auth, Clock clock,
      Supplier<Future<JsonObject>> healthDetails) {
    this.auth = auth;
    this.clock = clock;
    this.healthDetails = healthDetails;
  }

  public void mount(Router router) {
    router.get("/v1/health").handler(ctx -> healthDetails.get()
        .otherwise(failure -> new JsonObject().put("status", "unavailable"))
        .onSuccess(details -> {
          JsonObject health = new JsonObject().put("status", "ok")
              .put("time", ApiTimes.format(clock.instant())).mergeIn(details);
          JsonResponses.send(ctx.response(),
              "unavailable".equals(health.getString("status")) ? 503 : 200, health);
        }));
    router.get("/v1/whoami").handler(auth).handler(ctx -> JsonResponses.respond(ctx, 200, () -> {
      Caller caller = BearerAuthHandler.caller(ctx);
      return Future.succeededFuture(new JsonObject(
          new Whoami(caller.owner(), caller.org(), caller.role().wire()).toJson()));
    }));
  }
}
