package dev.crabbox.portal.spi;

import io.vertx.ext.web.Router;

/**
 * A way to sign in to the portal besides the built-in token form, such as GitHub OAuth. It mounts
 * its own routes (under {@code /portal/login/…}), and on success calls
 * {@code context.sessions().establish(ctx, context.sessions().newSession(owner, org, role))}.
 * The login page links to {@link #startPath()}.
 */
public interface IdentityProvider {

  /** The button text on the login page, e.g. "Sign in with GitHub". */
  String label();

  /** Where the login page's button points (a GET route this provider mounts). */
  String startPath();

  void mount(Router router, PortalContext context);
}
