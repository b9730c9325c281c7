package dev.crabbox.portal.bridge;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.bridge.LeaseBridgeService;
import dev.crabbox.coordinator.bridge.LeaseBridgeStream;
import dev.crabbox.coordinator.http.WebSocketUpgrades;
import dev.crabbox.coordinator.lease.Access;
import dev.crabbox.coordinator.lease.LeaseService;
import dev.crabbox.coordinator.lease.LeaseSockets;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /portal/leases/{id-or-slug}/vnc}: a plain GET serves the noVNC page; a WebSocket upgrade
 * on the same path is relayed, byte for byte with backpressure, to the lease's 127.0.0.1:5900
 * through its bridge agent. The VNC password is never sent by the portal: noVNC asks the user.
 */
final class VncBridge {

  private static final Logger LOG = LoggerFactory.getLogger(VncBridge.class);

  private final LeaseBridgeService service;
  private final PortalCaller callers;
  private final UpgradeOriginCheck origins;
  private final LeaseService leases;

  VncBridge(LeaseBridgeService service, PortalCaller callers, UpgradeOriginCheck origins,
      LeaseService leases) {
    this.service = service;
    this.callers = callers;
    this.origins = origins;
    this.leases = leases;
  }

  void handle(RoutingContext ctx) {
    if (WebSocketUpgrades.isUpgrade(ctx.request())) {
      relay(ctx);
    } else {
      page(ctx);
    }
  }

  private void page(RoutingContext ctx) {
    String lease = ctx.pathParam("lease");
    callers.resolve(ctx)
        .compose(caller -> service.requireBridgeable(caller, lease, LeaseBridgeKind.VNC))
        .onSuccess(found -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
            .putHeader("Content-Security-Policy", BridgeRoutes.PAGE_CSP)
            .putHeader("X-Content-Type-Options", "nosniff")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .end(render(found.slug())))
        .onFailure(failure -> BridgeErrors.refuse(ctx, failure));
  }

  /** The page: noVNC connects back to this very path with a WebSocket. */
  static String render(String slug) {
    String name = HtmlText.escape(slug);
    return "<!doctype html>\n"
        + "<html lang=\"en\">\n"
        + "<head><meta charset=\"utf-8\"><title>Desktop: " + name + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"" + BridgeRoutes.STATIC + "/vnc.css\"></head>\n"
        + "<body data-websocket=\"/portal/leases/" + name + "/vnc\" data-state=\"connecting\">\n"
        + "<header><strong>Desktop</strong> <span class=\"lease\">" + name + "</span> "
        + "<span id=\"status\" role=\"status\">connecting…</span></header>\n"
        + "<form id=\"password\" hidden><label>VNC password "
        + "<input type=\"password\" name=\"password\" autocomplete=\"off\"></label> "
        + "<button type=\"submit\">Connect</button> <span class=\"hint\">"
        + "crabbox vnc --id " + name + " prints it</span></form>\n"
        + "<main id=\"screen\"></main>\n"
        + "<script type=\"module\" src=\"" + BridgeRoutes.STATIC + "/vnc.js\"></script>\n"
        + "</body>\n"
        + "</html>\n";
  }

  private void relay(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!origins.allows(request)) {
      BridgeErrors.refuse(ctx, BridgeErrors.originForbidden());
      return;
    }
    request.pause();
    String lease = ctx.pathParam("lease");
    callers.resolve(ctx)
        .compose(caller -> service.open(caller, lease, LeaseBridgeKind.VNC)
            .map(opened -> new Relay(caller, opened)))
        .onFailure(failure -> BridgeErrors.refuse(ctx, failure))
        .onSuccess(relay -> request.toWebSocket()
            .onSuccess(ws -> {
              // The desktop stays open only while its user may still use the lease.
              leases.track(relay.opened().lease().id(), relay.caller(), Access.USE,
                  LeaseSockets.LiveSocket.of(ws));
              join(ws, relay.opened().stream(), relay.opened().lease().slug());
            })
            .onFailure(failure -> {
              LOG.info("vnc bridge upgrade for lease {} failed: {}", relay.opened().lease().slug(),
                  failure.toString());
              relay.opened().stream().reset("browser upgrade failed");
            }));
  }

  /** An opened bridge stream and the portal user it was opened for. */
  private record Relay(Caller caller, LeaseBridgeService.OpenedBridge opened) {
  }

  /** Pipes both ways; either side ending ends the other (FIN, or a WebSocket close). */
  private static void join(ServerWebSocket ws, LeaseBridgeStream stream, String slug) {
    LOG.info("vnc bridge of lease {} opened", slug);
    ws.closeHandler(v -> stream.reset("browser closed the desktop"));
    stream.pipeTo(ws);
    ws.pipeTo(stream);
  }
}
