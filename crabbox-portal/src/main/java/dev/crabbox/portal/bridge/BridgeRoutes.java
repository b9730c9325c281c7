package dev.crabbox.portal.bridge;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.RouteContributor;
import dev.crabbox.coordinator.bridge.LeaseBridgeService;
import dev.crabbox.portal.session.SessionAuth;
import dev.crabbox.portal.spi.PortalBridge;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Objects;
import java.util.function.Function;

/**
 * The portal's bridges (spec 004): {@code /portal/leases/{id-or-slug}/vnc} (noVNC page, and its
 * WebSocket relayed to the lease's VNC server) and {@code /portal/leases/{id-or-slug}/code/}
 * (HTTP and WebSocket proxied to code-server, its token injected here). Both need a caller who may
 * use the lease (invisible = 404), an active lease with the capability, and a connected lease
 * bridge agent; WebSocket upgrades must also pass the origin check. Mounted by the portal:
 * {@code BridgeRoutes.mount(router, services, portalCaller, originCheck)}.
 */
public final class BridgeRoutes {

  /** Where the bridge pages' own scripts, styles and noVNC are served from. */
  public static final String STATIC = "/portal/bridge/static";
  /** The VNC page's policy: scripts and styles from the portal only, WebSockets to itself. */
  static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
      + "frame-ancestors 'none'";

  private BridgeRoutes() {}

  /** Mounts the bridge routes on {@code router}. */
  public static void mount(Router router, CoordinatorServices services, PortalCaller callers,
      UpgradeOriginCheck origins) {
    Objects.requireNonNull(callers, "callers");
    Objects.requireNonNull(origins, "origins");
    LeaseBridgeService bridges = services.leaseBridges();
    router.get(STATIC + "/*").handler(StaticHandler.create(FileSystemAccess.RELATIVE,
        "dev/crabbox/portal/bridge/static").setCachingEnabled(true).setDirectoryListing(false));
    VncBridge vnc = new VncBridge(bridges, callers, origins, services.leases());
    router.get("/portal/leases/:lease/vnc").handler(vnc::handle);
    CodeBridge code = new CodeBridge(bridges, callers, origins, services.leases());
    router.get("/portal/leases/:lease/code").handler(code::redirectToSlash);
    router.route("/portal/leases/:lease/code/*").handler(code::handle);
  }

  /**
   * The bridges as part of the portal: behind its session cookie (no session → the login page)
   * and its same-origin check on every WebSocket upgrade and state-changing request.
   */
  public static PortalBridge portalBridge() {
    return (router, context) -> {
      router.routeWithRegex("/portal/leases/[^/]+/(vnc|code)(/.*)?")
          .handler(context.sessionAuth());
      mount(router, context.services(),
          ctx -> Future.succeededFuture(SessionAuth.session(ctx).caller()),
          context.originCheck()::allowed);
    };
  }

  /**
   * A route contributor mounting the bridges, with the caller resolver built from the
   * coordinator's services (e.g. {@code PortalCaller.bearer(services.tokenVerifier())}).
   */
  public static RouteContributor contributor(Function<CoordinatorServices, PortalCaller> callers,
      UpgradeOriginCheck origins) {
    return (router, services) -> mount(router, services, callers.apply(services), origins);
  }
}
