package dev.crabbox.portal.github;

import dev.crabbox.portal.login.OneUseCodes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The OAuth {@code state} parameter and its browser binding. Starting a sign-in stores a
 * {@link PendingLogin} under a fresh random state and sets the same random binding value in the
 * cookie {@code __Host-crabbox_oauth} (HttpOnly, Secure, SameSite=Lax, 10 minutes). GitHub's
 * redirect back is accepted only when its state is live and unused and the browser presents the
 * matching cookie, so a callback URL made in another browser (login CSRF) or replayed later leads
 * nowhere. A state is spent on its first use, whatever the outcome. Pending sign-ins live in a
 * shared map, so in a cluster GitHub's redirect back may land on any node.
 */
final class OAuthStates {

  static final String COOKIE = "__Host-crabbox_oauth";
  static final Duration LIFETIME = Duration.ofMinutes(10);
  /** The shared map of pending sign-ins (keyed by the SHA-256 of their state). */
  static final String MAP = "crabbox.portal.oauth-states";

  private final SecureRandom random = new SecureRandom();
  private final OneUseCodes<PendingLogin> states;

  OAuthStates(Vertx vertx, Clock clock) {
    this.states = new OneUseCodes<>(vertx, MAP, clock, LIFETIME, PendingLogin.JSON);
  }

  /** Stores a pending sign-in, sets its binding cookie, and returns the state for GitHub. */
  Future<String> begin(RoutingContext ctx, String next, CliRequest cli) {
    String binding = OneUseCodes.randomToken(random);
    return states.mint(new PendingLogin(binding, next, cli)).onSuccess(state ->
        ctx.response().addCookie(cookie(binding).setMaxAge(LIFETIME.getSeconds())));
  }

  /**
   * The pending sign-in of the callback's {@code state} when this browser started it; empty for
   * a missing, unknown, expired, used or foreign state. Clears the binding cookie either way.
   */
  Future<Optional<PendingLogin>> complete(RoutingContext ctx, String state) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    ctx.response().addCookie(cookie("").setMaxAge(0));
    return states.redeem(state).map(pending -> {
      if (pending.isEmpty() || cookie == null || !MessageDigest.isEqual(
          cookie.getValue().getBytes(StandardCharsets.UTF_8),
          pending.get().binding().getBytes(StandardCharsets.UTF_8))) {
        return Optional.empty();
      }
      return pending;
    });
  }

  private static Cookie cookie(String value) {
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(true)
        .setSameSite(CookieSameSite.LAX);
  }
}
