package dev.crabbox.coordinator.bridge;

import static dev.crabbox.coordinator.auth.BearerAuthHandler.caller;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.JsonResponses;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The lease bridge routes: {@code POST …/bridges/{kind}/ticket} (an agent ticket, for anyone who
 * may use the lease), {@code GET …/bridges/{kind}/agent} (the agent's ticketed upgrade) and
 * {@code GET …/bridges} (which agents are connected).
 */
public final class LeaseBridgeRoutes {

  public static final String BASE = "/v1/leases/:lease/bridges";

  private final LeaseBridgeService service;
  private final BearerAuthHandler auth;
  private final BodyHandler body;
  private final boolean ticketQueryFallback;

  public LeaseBridgeRoutes(LeaseBridgeService service, BearerAuthHandler auth, BodyHandler body,
      boolean ticketQueryFallback) {
    this.service = service;
    this.auth = auth;
    this.body = body;
    this.ticketQueryFallback = ticketQueryFallback;
  }

  public void mount(Router router) {
    router.get(BASE).handler(auth).handler(ctx ->
        JsonResponses.respond(ctx, 200, () -> service.status(caller(ctx), ctx.pathParam("lease"))));
    router.post(BASE + "/:kind/ticket").handler(body).handler(auth).handler(ctx ->
        JsonResponses.respond(ctx, 201, () -> service.mintTicket(caller(ctx), ctx.pathParam("lease"),
            kind(ctx)).map(ticket -> new JsonObject(ticket.toJson()))));
    // No bearer JWT here: the Authorization header carries the one-use ticket.
    router.get(BASE + "/:kind/agent").handler(new LeaseBridgeUpgradeHandler(service, ticketQueryFallback));
  }

  /** The {@code kind} path parameter; 404 for anything but vnc or code. */
  static LeaseBridgeKind kind(RoutingContext ctx) {
    String text = ctx.pathParam("kind");
    return LeaseBridgeKind.parse(text).orElseThrow(() -> new ApiException(404, "bridge_not_found",
        "unknown lease bridge \"" + text + "\"; lease bridges are vnc and code"));
  }
}
