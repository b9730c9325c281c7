package dev.crabbox.coordinator.lease;

import static dev.crabbox.coordinator.auth.BearerAuthHandler.caller;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.http.JsonBodies;
import dev.crabbox.coordinator.http.JsonResponses;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseShares;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /v1/leases} routes: create, list, show, release ({@code POST …/release} or
 * {@code DELETE}), heartbeat, shares.
 */
public final class LeaseRoutes {

  public static final String LEASE = "/v1/leases/:lease";

  private final LeaseService leases;
  private final BearerAuthHandler auth;
  private final BodyHandler body;

  public LeaseRoutes(LeaseService leases, BearerAuthHandler auth, BodyHandler body) {
    this.leases = leases;
    this.auth = auth;
    this.body = body;
  }

  public void mount(Router router) {
    router.post("/v1/leases").handler(body).handler(auth).handler(this::create);
    router.get("/v1/leases").handler(auth).handler(this::list);
    router.get(LEASE).handler(auth).handler(lease(ctx -> leases.find(caller(ctx), id(ctx))
        .map(VisibleLease::lease)));
    router.post(LEASE + "/release").handler(body).handler(auth)
        .handler(lease(ctx -> leases.release(caller(ctx), id(ctx))));
    router.delete(LEASE).handler(auth)
        .handler(lease(ctx -> leases.release(caller(ctx), id(ctx))));
    router.post(LEASE + "/heartbeat").handler(body).handler(auth)
        .handler(lease(ctx -> leases.heartbeat(caller(ctx), id(ctx))));
    router.get(LEASE + "/share").handler(auth)
        .handler(shares(ctx -> leases.shares(caller(ctx), id(ctx))));
    router.put(LEASE + "/share").handler(body).handler(auth)
        .handler(shares(ctx -> leases.replaceShares(caller(ctx), id(ctx),
            ShareRequest.parse(JsonBodies.object(ctx)))));
    router.delete(LEASE + "/share").handler(auth)
        .handler(shares(ctx -> leases.replaceShares(caller(ctx), id(ctx), LeaseShares.NONE)));
  }

  static String id(RoutingContext ctx) {
    return ctx.pathParam("lease");
  }

  private void create(RoutingContext ctx) {
    JsonResponses.respond(ctx, 201, () -> leases.create(caller(ctx),
            CreateLeaseRequest.parse(JsonBodies.object(ctx)))
        .map(lease -> json(lease)));
  }

  private void list(RoutingContext ctx) {
    JsonResponses.respond(ctx, 200, () -> leases.list(caller(ctx)).map(this::listJson));
  }

  private JsonObject listJson(List<LeaseRecord> all) {
    JsonArray array = new JsonArray();
    all.forEach(lease -> array.add(json(lease)));
    return new JsonObject().put("leases", array);
  }

  private JsonObject json(LeaseRecord lease) {
    return new JsonObject(LeaseViews.of(lease, leases.now()).toJson());
  }

  private Handler<RoutingContext> lease(Function<RoutingContext, Future<LeaseRecord>> action) {
    return ctx -> JsonResponses.respond(ctx, 200, () -> action.apply(ctx).map(this::json));
  }

  private static Handler<RoutingContext> shares(Function<RoutingContext, Future<LeaseShares>> action) {
    return ctx -> JsonResponses.respond(ctx, 200, () -> action.apply(ctx).map(ShareRequest::toJson));
  }
}
