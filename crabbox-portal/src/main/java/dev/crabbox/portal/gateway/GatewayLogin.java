package dev.crabbox.portal.gateway;

import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.portal.spi.IdentityProvider;
import dev.crabbox.portal.spi.PortalContext;
import dev.crabbox.portal.web.Pages;
import dev.crabbox.portal.web.Paths;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through an access gateway in front of the coordinator: {@code GET
 * /portal/login/gateway} establishes a session for the e-mail inside the gateway's signed JWT
 * (header {@code Cf-Access-Jwt-Assertion} by default) once it verifies against the configured
 * keys, audience and issuer. Identity headers such as {@code Cf-Access-Authenticated-User-Email}
 * grant nothing: anyone who reaches the coordinator directly can send them.
 */
public final class GatewayLogin implements IdentityProvider {

  public static final String START = Paths.LOGIN + "/gateway";
  static final String EMAIL_CLAIM = "email";

  private static final Logger LOG = LoggerFactory.getLogger(GatewayLogin.class);

  private final GatewaySettings settings;

  public GatewayLogin(GatewaySettings settings) {
    this.settings = settings;
  }

  @Override
  public String label() {
    return "Continue with the access gateway's sign-in";
  }

  @Override
  public String startPath() {
    return START;
  }

  @Override
  public void mount(Router router, PortalContext context) {
    GatewayJwtVerifier verifier = new GatewayJwtVerifier(context.services().vertx(), settings,
        context.services().options().getClock());
    router.get(START).handler(ctx -> signIn(ctx, context, verifier));
  }

  private void signIn(RoutingContext ctx, PortalContext context, GatewayJwtVerifier verifier) {
    String jwt = ctx.request().getHeader(settings.jwtHeader());
    if (jwt == null || jwt.isBlank()) {
      refuse(ctx, context, "No signed identity from the access gateway came with this request ("
          + settings.jwtHeader() + "). Identity headers alone are not trusted.");
      return;
    }
    verifier.verify(jwt.trim()).onComplete(result -> {
      String email = result.succeeded() ? result.result().getString(EMAIL_CLAIM) : null;
      if (email == null || email.isBlank()) {
        LOG.info("gateway JWT refused: {}", result.succeeded() ? "no email claim"
            : result.cause().getMessage());
        refuse(ctx, context, "The access gateway's signed identity did not verify, so it "
            + "grants nothing. Sign in again through the gateway.");
        return;
      }
      var sessions = context.sessions();
      sessions.establish(ctx, sessions.newSession(email, settings.org(),
          settings.isAdmin(email) ? Role.ADMIN : Role.USER));
      Pages.seeOther(ctx, Paths.safeNext(ctx.queryParams().get("next")));
    });
  }

  private static void refuse(RoutingContext ctx, PortalContext context, String message) {
    context.pages().error(ctx, null, 401, "gateway_identity_unverified", message);
  }
}
