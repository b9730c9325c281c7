package dev.crabbox.coordinator.egress;

import static dev.crabbox.coordinator.auth.BearerAuthHandler.caller;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.http.JsonBodies;
import dev.crabbox.coordinator.http.JsonResponses;
import dev.crabbox.coordinator.store.BridgeRole;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The egress routes of spec 001: ticket, host/client upgrades, status. */
public final class EgressRoutes {

  public static final String BASE = "/v1/leases/:lease/egress";

  private final EgressService egress;
  private final BearerAuthHandler auth;
  private final BodyHandler body;
  private final boolean ticketQueryFallback;

  public EgressRoutes(EgressService egress, BearerAuthHandler auth, BodyHandler body,
      boolean ticketQueryFallback) {
    this.egress = egress;
    this.auth = auth;
    this.body = body;
    this.ticketQueryFallback = ticketQueryFallback;
  }

  public void mount(Router router) {
    router.post(BASE + "/ticket").handler(body).handler(auth).handler(ctx ->
        JsonResponses.respond(ctx, 201, () -> egress.mintTicket(caller(ctx), ctx.pathParam("lease"),
                TicketRequest.parse(JsonBodies.object(ctx)))
            .map(ticket -> new JsonObject(ticket.toJson()))));
    router.get(BASE + "/status").handler(auth).handler(ctx ->
        JsonResponses.respond(ctx, 200, () -> egress.status(caller(ctx), ctx.pathParam("lease"))
            .map(status -> new JsonObject(status.toJson()))));
    // No bearer JWT here: the Authorization header carries the one-use ticket.
    router.get(BASE + "/host").handler(new EgressUpgradeHandler(egress, BridgeRole.HOST,
        ticketQueryFallback));
    router.get(BASE + "/client").handler(new EgressUpgradeHandler(egress, BridgeRole.CLIENT,
        ticketQueryFallback));
  }
}
