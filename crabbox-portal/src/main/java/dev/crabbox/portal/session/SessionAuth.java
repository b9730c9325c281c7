package dev.crabbox.portal.session;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Requires a valid session cookie and puts the {@link PortalSession} into the routing context.
 * Without one the browser is sent to the login page, which brings it back afterwards. A
 * WebSocket handshake is paused first, so that a bridge can upgrade after its own checks.
 */
public final class SessionAuth implements Handler<RoutingContext> {

  private static final String SESSION_KEY = "crabbox.portal.session";

  private final SessionCookies cookies;
  private final String loginPath;

  public SessionAuth(SessionCookies cookies, String loginPath) {
    this.cookies = cookies;
    this.loginPath = loginPath;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if ("websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
      // Keep a WebSocket handshake unread through the asynchronous checks that follow, so that
      // a bridge can still call toWebSocket() once it has decided.
      ctx.request().pause();
    }
    Cookie cookie = ctx.request().getCookie(SessionCookies.NAME);
    cookies.verify(cookie == null ? null : cookie.getValue()).onComplete(result -> {
      if (result.succeeded()) {
        ctx.put(SESSION_KEY, result.result());
        ctx.next();
      } else {
        redirectToLogin(ctx);
      }
    });
  }

  private void redirectToLogin(RoutingContext ctx) {
    String back = "GET".equals(ctx.request().method().name()) ? ctx.request().uri() : null;
    String location = back == null ? loginPath
        : loginPath + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
  }

  /** The session of a request that passed this handler. */
  public static PortalSession session(RoutingContext ctx) {
    PortalSession session = ctx.get(SESSION_KEY);
    if (session == null) {
      throw new IllegalStateException("route is missing the session handler");
    }
    return session;
  }
}
