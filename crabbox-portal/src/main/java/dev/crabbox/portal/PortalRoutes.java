package dev.crabbox.portal;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.RouteContributor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The portal, mounted on the coordinator's router through its route-contributor hook. For now
 * one placeholder page at {@code GET /portal}; lease pages, login and the VNC/code bridges come
 * with the portal issue.
 */
public final class PortalRoutes implements RouteContributor {

  public static final String PATH = "/portal";

  @Override
  public void contribute(Router router, CoordinatorServices services) {
    String coordinator = services.options().getPublicUrl() != null
        ? services.options().getPublicUrl()
        : "this coordinator";
    router.get(PATH).handler(ctx -> page(ctx, coordinator));
  }

  private static void page(RoutingContext ctx, String coordinator) {
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(render(coordinator));
  }

  /** The placeholder page; every dynamic value is escaped. */
  static String render(String coordinator) {
    return "<!doctype html>\n"
        + "<html lang=\"en\">\n"
        + "<head><meta charset=\"utf-8\"><title>Crabbox portal</title>\n"
        + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;"
        + "padding:0 1rem;color:#222}code{background:#f3f3f3;padding:0 .2rem}</style></head>\n"
        + "<body>\n"
        + "<h1>Crabbox portal</h1>\n"
        + "<p>The portal of " + Html.escape(coordinator) + " is not built yet. Lease pages, "
        + "the desktop and the egress bridge status will appear here.</p>\n"
        + "<p>Until then, use the CLI: <code>crabbox list</code>, "
        + "<code>crabbox egress status --id &lt;lease&gt;</code>.</p>\n"
        + "</body>\n"
        + "</html>\n";
  }
}
