package dev.crabbox.coordinator.run;

import static dev.crabbox.coordinator.auth.BearerAuthHandler.caller;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.http.JsonBodies;
import dev.crabbox.coordinator.http.JsonResponses;
import dev.crabbox.coordinator.lease.LeaseRoutes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;

/** {@code /v1/runs} routes: create, record (events, logs, telemetry, JUnit, finish), read. */
public final class RunRoutes {

  public static final String RUN = "/v1/runs/:run";

  private final RunService runs;
  private final BearerAuthHandler auth;
  private final BodyHandler body;

  public RunRoutes(RunService runs, BearerAuthHandler auth, BodyHandler body) {
    this.runs = runs;
    this.auth = auth;
    this.body = body;
  }

  public void mount(Router router) {
    router.post("/v1/runs").handler(body).handler(auth).handler(ctx -> JsonResponses.respond(ctx,
        201, () -> runs.create(caller(ctx), RunRequests.Create.parse(JsonBodies.object(ctx)))
            .map(RunViews::run)));
    router.get(RUN).handler(auth).handler(ctx -> JsonResponses.respond(ctx, 200,
        () -> runs.detail(caller(ctx), id(ctx)).map(RunViews::detail)));
    router.post(RUN + "/events").handler(body).handler(auth).handler(ctx -> JsonResponses.respond(
        ctx, 200, () -> runs.appendEvents(caller(ctx), id(ctx),
                RunRequests.events(JsonBodies.object(ctx), runs.now()))
            .map(count -> new JsonObject().put("appended", count))));
    router.get(RUN + "/events").handler(auth).handler(ctx -> JsonResponses.respond(ctx, 200,
        () -> runs.events(caller(ctx), id(ctx)).map(RunViews::events)));
    router.post(RUN + "/logs").handler(body).handler(auth).handler(ctx -> JsonResponses.respond(
        ctx, 200, () -> runs.appendLog(caller(ctx), id(ctx), logText(ctx))
            .map(kept -> new JsonObject().put("retainedBytes", kept))));
    router.get(RUN + "/logs").handler(auth).handler(this::log);
    router.post(RUN + "/telemetry").handler(body).handler(auth).handler(ctx ->
        JsonResponses.respond(ctx, 200, () -> runs.addTelemetry(caller(ctx), id(ctx),
                RunRequests.Telemetry.parse(JsonBodies.object(ctx), runs.now()))
            .map(RunViews::telemetry)));
    router.post(RUN + "/junit").handler(body).handler(auth).handler(ctx -> JsonResponses.respond(
        ctx, 200, () -> runs.putJunit(caller(ctx), id(ctx),
                RunRequests.junit(JsonBodies.object(ctx)))
            .map(RunViews::junit)));
    router.post(RUN + "/finish").handler(body).handler(auth).handler(ctx -> JsonResponses.respond(
        ctx, 200, () -> runs.finish(caller(ctx), id(ctx),
                RunRequests.exitCode(JsonBodies.object(ctx)))
            .map(RunViews::run)));
    router.get(LeaseRoutes.LEASE + "/runs").handler(auth).handler(ctx -> JsonResponses.respond(
        ctx, 200, () -> runs.listForLease(caller(ctx), ctx.pathParam("lease"))
            .map(RunViews::runs)));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("run");
  }

  /** A JSON body gives {@code {text}}; any other body is the log text itself (UTF-8). */
  private static String logText(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return RunRequests.logText(JsonBodies.object(ctx));
    }
    Buffer raw = ctx.body().buffer();
    return raw == null ? "" : raw.toString(StandardCharsets.UTF_8);
  }

  private void log(RoutingContext ctx) {
    Future<String> text;
    try {
      text = runs.log(caller(ctx), id(ctx));
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    text.onSuccess(log -> {
      if (!ctx.response().ended() && !ctx.response().closed()) {
        ctx.response().setStatusCode(200)
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .end(log);
      }
    }).onFailure(ctx::fail);
  }
}
