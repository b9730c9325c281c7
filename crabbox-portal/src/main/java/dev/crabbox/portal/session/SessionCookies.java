package dev.crabbox.portal.session;

import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mints, reads and clears the session cookie {@code __Host-crabbox_session}: HttpOnly, Secure,
 * SameSite=Lax, Path=/, no Domain (what the {@code __Host-} prefix demands). Its value is a JWT
 * (Vert.x Auth JWT, HS256 with {@link SessionKey}) with claims {@code sub} (owner), {@code org},
 * {@code role} and {@code expires}. Expiry is checked against the coordinator's clock, not the JVM's,
 * so that it follows the same time as lease expiry.
 */
public final class SessionCookies {

  public static final String NAME = "__Host-crabbox_session";
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
  static final String AUDIENCE = "crabbox-portal";
  /**
   * Expiry in epoch seconds on the coordinator's clock. Not the registered {@code exp} claim: the
   * JWT library would check that against the JVM clock and hide it from the principal.
   */
  static final String EXPIRES = "expires";

  private final JWTAuth auth;
  private final Clock clock;
  private final Duration lifetime;

  public SessionCookies(Vertx vertx, CoordinatorKeys keys, Clock clock, Duration lifetime) {
    this.auth = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(SessionKey.derive(keys.verificationKey()))
        .setJWTOptions(new JWTOptions().setAudience(List.of(AUDIENCE)).setIgnoreExpiration(true)));
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A session for {@code owner} starting now. */
  public PortalSession newSession(String owner, String org, Role role) {
    return new PortalSession(owner, org, role, clock.instant().plus(lifetime));
  }

  /** Signs the session into a cookie value. */
  public String sign(PortalSession session) {
    JsonObject claims = new JsonObject()
        .put("sub", session.owner())
        .put("org", session.org())
        .put("role", session.role().wire())
        .put(EXPIRES, session.expiresAt().getEpochSecond());
    return auth.generateToken(claims, new JWTOptions().setAlgorithm(SessionKey.ALGORITHM)
        .setAudience(List.of(AUDIENCE)).setNoTimestamp(true));
  }

  /** The session a cookie value carries; fails when it is forged, foreign or expired. */
  public Future<PortalSession> verify(String value) {
    if (value == null || value.isEmpty()) {
      return Future.failedFuture("no session cookie");
    }
    return auth.authenticate(new TokenCredentials(value)).compose(user -> {
      JsonObject claims = user.principal();
      try {
        Instant expires = Instant.ofEpochSecond(claims.getLong(EXPIRES));
        if (!clock.instant().isBefore(expires)) {
          return Future.failedFuture("session expired");
        }
        return Future.succeededFuture(new PortalSession(claims.getString("sub"),
            claims.getString("org"), Role.parse(claims.getString("role")), expires));
      } catch (RuntimeException e) {
        return Future.failedFuture("session cookie has invalid claims");
      }
    });
  }

  /** Sets the cookie for {@code session} on the response. */
  public void establish(RoutingContext ctx, PortalSession session) {
    ctx.response().addCookie(cookie(sign(session))
        .setMaxAge(Math.max(1, Duration.between(clock.instant(), session.expiresAt()).getSeconds())));
  }

  /** Clears the cookie (an expired, empty cookie with the same attributes). */
  public void clear(RoutingContext ctx) {
    ctx.response().addCookie(cookie("").setMaxAge(0));
  }

  private static Cookie cookie(String value) {
    return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSecure(true)
        .setSameSite(CookieSameSite.LAX);
  }
}
