package dev.crabbox.coordinator.runner;

import static dev.crabbox.coordinator.auth.BearerAuthHandler.caller;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.http.JsonBodies;
import dev.crabbox.coordinator.http.JsonResponses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** {@code /v1/runners} routes: sync (any caller, own runners), list and detail (visibility). */
public final class RunnerRoutes {

  public static final String RUNNER = "/v1/runners/:provider/:runner";

  private final RunnerService runners;
  private final BearerAuthHandler auth;
  private final BodyHandler body;

  public RunnerRoutes(RunnerService runners, BearerAuthHandler auth, BodyHandler body) {
    this.runners = runners;
    this.auth = auth;
    this.body = body;
  }

  public void mount(Router router) {
    router.post("/v1/runners/sync").handler(body).handler(auth).handler(ctx ->
        JsonResponses.respond(ctx, 200, () -> runners.sync(caller(ctx),
                RunnerRequests.sync(JsonBodies.object(ctx)))
            .map(RunnerViews::sync)));
    router.get("/v1/runners").handler(auth).handler(ctx -> JsonResponses.respond(ctx, 200,
        () -> runners.list(caller(ctx), providerFilter(ctx))
            .map(list -> RunnerViews.runners(list, runners.now()))));
    router.get(RUNNER).handler(auth).handler(ctx -> JsonResponses.respond(ctx, 200,
        () -> runners.find(caller(ctx), ctx.pathParam("provider"), ctx.pathParam("runner"))
            .map(runner -> RunnerViews.runner(runner, runners.now()))));
  }

  private static String providerFilter(RoutingContext ctx) {
    String provider = ctx.queryParams().get("provider");
    return provider == null || provider.isEmpty() ? null : RunnerRequests.provider(provider);
  }
}
