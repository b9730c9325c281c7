package dev.crabbox.coordinator.bridge;

import dev.crabbox.coordinator.egress.BridgeCredentials;
import dev.crabbox.coordinator.egress.BridgeGrant;
import dev.crabbox.coordinator.egress.BridgeHeaders;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.ErrorHandlers;
import dev.crabbox.coordinator.http.JsonResponses;
import dev.crabbox.coordinator.http.WebSocketUpgrades;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/leases/{id}/bridges/{kind}/agent}: the lease bridge agent's ticketed WebSocket
 * upgrade. Lease bridges speak only v2 binary frames, so the upgrade must offer
 * {@code crabbox.egress.v2}. The request is paused during the checks; the 101 carries the lease
 * id and a fresh resume secret.
 */
final class LeaseBridgeUpgradeHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseBridgeUpgradeHandler.class);

  private final LeaseBridgeService service;
  private final boolean ticketQueryFallback;

  LeaseBridgeUpgradeHandler(LeaseBridgeService service, boolean ticketQueryFallback) {
    this.service = service;
    this.ticketQueryFallback = ticketQueryFallback;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    LeaseBridgeKind kind = LeaseBridgeRoutes.kind(ctx);
    if (!WebSocketUpgrades.isUpgrade(request)) {
      ctx.fail(ApiException.upgradeRequired());
      return;
    }
    if (!offersV2(request)) {
      ctx.fail(ApiException.badRequest("lease bridges speak only the " + WireLimits.SUBPROTOCOL_V2
          + " WebSocket subprotocol"));
      return;
    }
    request.pause();
    BridgeCredentials credentials = BridgeCredentials.from(request, ticketQueryFallback);
    service.authorizeUpgrade(ctx.pathParam("lease"), kind, credentials)
        .onFailure(failure -> refuse(ctx, kind, failure))
        .onSuccess(grant -> accept(ctx, kind, grant));
  }

  private void accept(RoutingContext ctx, LeaseBridgeKind kind, BridgeGrant grant) {
    ctx.response().headers()
        .set(BridgeHeaders.LEASE_ID, grant.leaseId())
        .set(BridgeHeaders.RESUME_SECRET, grant.resumeSecret());
    ctx.request().toWebSocket()
        .onSuccess(ws -> {
          service.track(grant, ws);
          service.bridges().attach(grant.leaseId(), kind, ws);
        })
        .onFailure(failure -> LOG.info("{} bridge agent upgrade for lease {} failed: {}", kind.wire(),
            grant.leaseId(), failure.toString()));
  }

  private void refuse(RoutingContext ctx, LeaseBridgeKind kind, Throwable failure) {
    if (failure instanceof ApiException api) {
      LOG.info("{} bridge agent upgrade refused: {} {} ({})", kind.wire(), api.status(), api.code(),
          ErrorHandlers.describe(ctx.request()));
      JsonResponses.error(ctx.response(), api);
    } else {
      ctx.fail(failure);
    }
    ctx.request().resume();
  }

  private static boolean offersV2(HttpServerRequest request) {
    String offered = request.getHeader("Sec-WebSocket-Protocol");
    if (offered == null) {
      return false;
    }
    for (String protocol : offered.split(",")) {
      if (protocol.trim().equals(WireLimits.SUBPROTOCOL_V2)) {
        return true;
      }
    }
    return false;
  }
}
