package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.ErrorHandlers;
import dev.crabbox.coordinator.http.JsonResponses;
import dev.crabbox.coordinator.http.WebSocketUpgrades;
import dev.crabbox.coordinator.store.BridgeRole;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/leases/{id}/egress/host|client}: the ticketed WebSocket upgrade. The request is
 * paused before any asynchronous check (so the upgrade is not lost), refusals are plain JSON
 * responses, and the 101 carries the lease id, session id and a fresh resume secret.
 */
final class EgressUpgradeHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(EgressUpgradeHandler.class);

  private final EgressService egress;
  private final BridgeRole role;
  private final boolean ticketQueryFallback;

  EgressUpgradeHandler(EgressService egress, BridgeRole role, boolean ticketQueryFallback) {
    this.egress = egress;
    this.role = role;
    this.ticketQueryFallback = ticketQueryFallback;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!WebSocketUpgrades.isUpgrade(request)) {
      ctx.fail(ApiException.upgradeRequired());
      return;
    }
    request.pause();
    BridgeCredentials credentials = BridgeCredentials.from(request, ticketQueryFallback);
    egress.authorizeUpgrade(ctx.pathParam("lease"), role, credentials)
        .onFailure(failure -> refuse(ctx, failure))
        .onSuccess(upgrade -> accept(ctx, upgrade));
  }

  private void accept(RoutingContext ctx, EgressService.Upgrade upgrade) {
    BridgeGrant grant = upgrade.grant();
    MultiMap headers = ctx.response().headers();
    headers.set(BridgeHeaders.LEASE_ID, grant.leaseId());
    headers.set(BridgeHeaders.SESSION, grant.sessionId());
    headers.set(BridgeHeaders.RESUME_SECRET, grant.resumeSecret());
    ctx.request().toWebSocket()
        .onSuccess(ws -> {
          egress.track(grant, ws);
          upgrade.session().attach(grant, ws);
        })
        .onFailure(failure -> LOG.info("egress {} upgrade for lease {} failed: {}", role.wire(),
            grant.leaseId(), failure.toString()));
  }

  private void refuse(RoutingContext ctx, Throwable failure) {
    if (failure instanceof ApiException api) {
      LOG.info("egress {} upgrade refused: {} {} ({})", role.wire(), api.status(), api.code(),
          ErrorHandlers.describe(ctx.request()));
      JsonResponses.error(ctx.response(), api);
    } else {
      ctx.fail(failure);
    }
    ctx.request().resume();
  }
}
