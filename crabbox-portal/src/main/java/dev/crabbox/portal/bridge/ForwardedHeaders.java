package dev.crabbox.portal.bridge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.ClientCookieEncoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which headers cross the code bridge. Towards code-server: the browser's end-to-end headers,
 * minus its credentials for the portal (Authorization, the portal session cookie), plus the
 * bridge's own code-server session cookie. Towards the browser: code-server's headers minus
 * hop-by-hop ones and its session cookie, with absolute-path redirects kept under the bridge's
 * path prefix.
 */
final class ForwardedHeaders {

  /** code-server's session cookie, obtained by the bridge with the lease's token. */
  static final String CODE_SERVER_COOKIE = "code-server-session";
  /** The portal's session cookie, which must never reach the lease. */
  static final String PORTAL_COOKIE = "__Host-crabbox_session";

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
  private static final Set<String> NOT_FORWARDED = Set.of("host", "authorization", "cookie", "content-length",
      "expect");

  private ForwardedHeaders() {}

  /** Fills {@code out} with the headers of the request to code-server. */
  static void request(HttpServerRequest browser, String sessionCookie, boolean webSocket, HttpHeaders out) {
    for (Map.Entry<String, String> header : browser.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !NOT_FORWARDED.contains(name)) {
        out.add(header.getKey(), header.getValue());
      }
    }
    // code-server checks that a WebSocket's Origin matches the Host it was asked for.
    String host = browser.getHeader("Host");
    out.set(HttpHeaderNames.HOST, host == null ? "127.0.0.1" : host);
    out.set(HttpHeaderNames.COOKIE, cookies(browser.getHeader("Cookie"), sessionCookie));
    if (webSocket) {
      out.set(HttpHeaderNames.CONNECTION, "Upgrade");
      out.set(HttpHeaderNames.UPGRADE, "websocket");
      return;
    }
    out.set(HttpHeaderNames.CONNECTION, "close");
    String length = browser.getHeader("Content-Length");
    if (length != null) {
      out.set(HttpHeaderNames.CONTENT_LENGTH, length);
    } else if ("chunked".equalsIgnoreCase(browser.getHeader("Transfer-Encoding"))) {
      out.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
    }
  }

  /** The browser's cookies minus the portal's and code-server's, plus the bridge's session. */
  static String cookies(String browserCookies, String sessionCookie) {
    List<Cookie> kept = new ArrayList<>();
    if (browserCookies != null) {
      for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(browserCookies)) {
        if (!cookie.name().equals(PORTAL_COOKIE) && !cookie.name().equals(CODE_SERVER_COOKIE)) {
          kept.add(cookie);
        }
      }
    }
    kept.add(new DefaultCookie(CODE_SERVER_COOKIE, sessionCookie));
    return ClientCookieEncoder.LAX.encode(kept);
  }

  /** Copies code-server's answer headers to the browser's response. */
  static void response(HttpHeaders upstream, String prefix, MultiMap out) {
    for (Map.Entry<String, String> header : upstream) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name)) {
        continue;
      }
      if (name.equals("set-cookie") && isSessionCookie(header.getValue())) {
        continue;
      }
      String value = header.getValue();
      if (name.equals("location") && value.startsWith("/") && !value.startsWith("//")) {
        value = prefix + value;
      }
      out.add(header.getKey(), value);
    }
  }

  /** True when a Set-Cookie sets code-server's session cookie (the bridge keeps that one). */
  static boolean isSessionCookie(String setCookie) {
    Cookie cookie = ClientCookieDecoder.LAX.decode(setCookie);
    return cookie != null && cookie.name().equals(CODE_SERVER_COOKIE);
  }

  /** The value code-server set for its session cookie, or null. */
  static String sessionCookieValue(HttpHeaders upstream) {
    for (String setCookie : upstream.getAll(HttpHeaderNames.SET_COOKIE)) {
      Cookie cookie = ClientCookieDecoder.LAX.decode(setCookie);
      if (cookie != null && cookie.name().equals(CODE_SERVER_COOKIE) && !cookie.value().isEmpty()) {
        return cookie.value();
      }
    }
    return null;
  }
}
