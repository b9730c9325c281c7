package dev.crabbox.portal.security;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Puts the portal's security headers on every portal response: a Content-Security-Policy whose
 * script and style sources are a fresh per-response nonce (plus the portal's own files),
 * {@code frame-ancestors 'none'}, {@code nosniff}, referrers only to the portal itself, and no caching of pages that
 * show private state.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {

  private static final String NONCE_KEY = "crabbox.portal.nonce";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void handle(RoutingContext ctx) {
    String nonce = newNonce();
    ctx.put(NONCE_KEY, nonce);
    MultiMap headers = ctx.response().headers();
    headers.set("Content-Security-Policy", policy(nonce));
    headers.set("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts.
    headers.set("Referrer-Policy", "same-origin");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Cache-Control", "no-store");
    ctx.next();
  }

  /** The CSP for a response with {@code nonce}. */
  public static String policy(String nonce) {
    return "default-src 'self'; script-src 'nonce-" + nonce + "'; style-src 'self' 'nonce-"
        + nonce + "'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  /** The nonce of this response, for {@code <script nonce>} and {@code <style nonce>}. */
  public static String nonce(RoutingContext ctx) {
    String nonce = ctx.get(NONCE_KEY);
    return nonce == null ? "" : nonce;
  }

  private static String newNonce() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
