package dev.crabbox.portal.login;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.portal.spi.PortalContext;
import dev.crabbox.portal.web.Paths;
import dev.crabbox.portal.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in links that carry no token: {@code GET /portal/login/link?code=…} exchanges a one-use,
 * short-lived code for the session cookie and sends the browser to the portal. The coordinator's
 * host process mints the code for a caller it already trusts (the demo mints one for its admin),
 * so a link that leaks after use, or after a few minutes, opens nothing. The codes live in a
 * shared map, so in a cluster a link minted on one node opens on any node, once.
 */
public final class LoginLinks {

  public static final String PATH = Paths.LOGIN + "/link";
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
  /** The shared map of live link codes (keyed by their SHA-256). */
  static final String MAP = "crabbox.portal.login-links";

  private static final Logger LOG = LoggerFactory.getLogger(LoginLinks.class);

  private final OneUseCodes<Caller> codes;

  public LoginLinks(Vertx vertx, Clock clock, Duration lifetime) {
    this.codes = new OneUseCodes<>(vertx, MAP, clock, lifetime, CallerJson.INSTANCE);
  }

  /** The path and query of a fresh link for {@code caller}; prefix it with the portal's origin. */
  public Future<String> mint(Caller caller) {
    return codes.mint(caller).map(code -> PATH + "?code=" + Paths.segment(code));
  }

  public Duration lifetime() {
    return codes.lifetime();
  }

  public void mount(Router router, PortalContext context) {
    router.get(PATH).handler(ctx -> {
      // Referrer-Policy same-origin already keeps the code out of other sites' logs.
      codes.redeem(ctx.queryParams().get("code")).onComplete(redeemed -> {
        if (redeemed.failed()) {
          LOG.warn("Sign-in link could not be checked", redeemed.cause());
          context.pages().error(ctx, null, 503, "login_unavailable", "Sign-in is unavailable "
              + "right now; the coordinator's log has the details. Try again in a minute.");
          return;
        }
        if (redeemed.result().isEmpty()) {
          context.pages().error(ctx, null, 401, "login_link_invalid", "This sign-in link was "
              + "already used or has expired. Ask for a new one, or sign in another way.");
          return;
        }
        Caller caller = redeemed.result().get();
        var sessions = context.sessions();
        sessions.establish(ctx, sessions.newSession(caller.owner(), caller.org(), caller.role()));
        Pages.seeOther(ctx, Paths.ROOT);
      });
    });
  }
}
