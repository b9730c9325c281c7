package dev.crabbox.portal.security;

import dev.crabbox.coordinator.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Lets a state-changing request through only when its {@code Origin} header is the portal's own
 * origin: the configured public URL's origin, or else the scheme and {@code Host} the request
 * arrived with. A missing Origin is refused too. Use it on every cookie-authenticated POST and on
 * WebSocket upgrades (bridges), so another site cannot ride the session cookie.
 */
public final class OriginCheck implements Handler<RoutingContext> {

  public static final String ERROR = "portal_request_origin_forbidden";

  private final String configuredOrigin;
  private final BiConsumer<RoutingContext, ApiException> refuse;

  /**
   * @param publicUrl the coordinator's public URL, or null to trust the request's own host
   * @param refuse renders the 403 (an HTML page for forms, a plain refusal for upgrades)
   */
  public OriginCheck(String publicUrl, BiConsumer<RoutingContext, ApiException> refuse) {
    this.configuredOrigin = publicUrl == null ? null : originOf(URI.create(publicUrl));
    this.refuse = refuse;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (allowed(ctx.request())) {
      ctx.next();
    } else {
      refuse.accept(ctx, forbidden());
    }
  }

  /** Whether the request's Origin is the portal's own. */
  public boolean allowed(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    return origin != null && origin.equalsIgnoreCase(portalOrigin(request));
  }

  public static ApiException forbidden() {
    return new ApiException(403, ERROR, "This request did not come from the portal's own pages, "
        + "so it was refused. Reload the page and try again.");
  }

  /**
   * The portal's own origin for {@code request}: the public URL's, else the scheme and host it
   * arrived with (sign-in providers build their callback URLs on it).
   */
  public String portalOrigin(HttpServerRequest request) {
    if (configuredOrigin != null) {
      return configuredOrigin;
    }
    HostAndPort authority = request.authority();
    if (authority == null) {
      return "";
    }
    String scheme = request.isSSL() ? "https" : "http";
    int port = authority.port();
    boolean defaultPort = port < 0 || (request.isSSL() ? port == 443 : port == 80);
    return scheme + "://" + authority.host() + (defaultPort ? "" : ":" + port);
  }

  static String originOf(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port < 0 || ("https".equals(scheme) ? port == 443 : port == 80);
    return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
  }
}
