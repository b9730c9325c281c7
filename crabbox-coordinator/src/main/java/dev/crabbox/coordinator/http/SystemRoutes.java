package dev.crabbox.coordinator.http;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.protocol.api.ApiTimes;
import dev.crabbox.protocol.api.Whoami;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;

/** {@code GET /v1/health} (no auth) and {@code GET /v1/whoami}. */
public final class SystemRoutes {

  private final BearerAuthHandler auth;
  private final Clock clock;

  public SystemRoutes(BearerAuthHandler auth, Clock clock) {
    this.auth = auth;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/v1/health").handler(ctx -> JsonResponses.send(ctx.response(), 200,
        new JsonObject().put("status", "ok").put("time", ApiTimes.format(clock.instant()))));
    router.get("/v1/whoami").handler(auth).handler(ctx -> JsonResponses.respond(ctx, 200, () -> {
      Caller caller = BearerAuthHandler.caller(ctx);
      return Future.succeededFuture(new JsonObject(
          new Whoami(caller.owner(), caller.org(), caller.role().wire()).toJson()));
    }));
  }
}
