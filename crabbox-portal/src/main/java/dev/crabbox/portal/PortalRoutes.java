package dev.crabbox.portal;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.RouteContributor;
import dev.crabbox.portal.login.LoginLinks;
import dev.crabbox.portal.page.IndexPage;
import dev.crabbox.portal.page.LeasePage;
import dev.crabbox.portal.page.LoginPage;
import dev.crabbox.portal.page.RunPage;
import dev.crabbox.portal.page.RunnerPage;
import dev.crabbox.portal.page.SharePage;
import dev.crabbox.portal.bridge.BridgeRoutes;
import dev.crabbox.portal.security.OriginCheck;
import dev.crabbox.portal.security.SecurityHeaders;
import dev.crabbox.portal.session.SessionAuth;
import dev.crabbox.portal.session.SessionCookies;
import dev.crabbox.portal.spi.IdentityProvider;
import dev.crabbox.portal.spi.PortalBridge;
import dev.crabbox.portal.spi.PortalContext;
import dev.crabbox.portal.web.Pages;
import dev.crabbox.portal.web.Paths;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The browser portal, mounted on the coordinator's router through its route-contributor hook:
 * server-rendered pages for leases, runs and external runners, a token login with a signed
 * session cookie, and hooks for more identity providers and lease bridges. Every page reads
 * through the coordinator's own services with the session's caller, so the portal enforces
 * exactly the {@code /v1} rules.
 *
 * <pre>{@code new CoordinatorOptions().addRouteContributor(new PortalRoutes())}</pre>
 */
public final class PortalRoutes implements RouteContributor {

  public static final String PATH = Paths.ROOT;
  /** The portal's own path space: {@code /portal} and everything under {@code /portal/}. */
  static final String PORTAL_PATHS = "^/portal(/.*)?$";
  private static final long MAX_FORM_BYTES = 64 * 1024;
  private static final String ASSETS_ROOT = "crabbox-portal-assets";

  private final List<IdentityProvider> identityProviders = new ArrayList<>();
  /** The VNC and code bridges come with the portal; embedders may add more. */
  private final List<PortalBridge> bridges = new ArrayList<>(List.of(BridgeRoutes.portalBridge()));
  private final List<LoginLinks> loginLinks = new ArrayList<>();
  private Duration sessionLifetime = SessionCookies.DEFAULT_LIFETIME;

  /** Adds a sign-in method next to the token form (GitHub OAuth, for example). */
  public PortalRoutes withIdentityProvider(IdentityProvider provider) {
    identityProviders.add(Objects.requireNonNull(provider, "provider"));
    return this;
  }

  /** Serves one-use sign-in links minted by {@code links} ({@code /portal/login/link}). */
  public PortalRoutes withLoginLinks(LoginLinks links) {
    loginLinks.add(Objects.requireNonNull(links, "links"));
    return this;
  }

  /** Adds a lease bridge (VNC, code) mounted behind the session and security handlers. */
  public PortalRoutes withBridge(PortalBridge bridge) {
    bridges.add(Objects.requireNonNull(bridge, "bridge"));
    return this;
  }

  public PortalRoutes withSessionLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("session lifetime must be positive");
    }
    this.sessionLifetime = lifetime;
    return this;
  }

  @Override
  public void contribute(Router router, CoordinatorServices services) {
    Pages pages = new Pages();
    SessionCookies cookies = new SessionCookies(services.vertx(), services.keys(),
        services.options().getClock(), sessionLifetime);
    SessionAuth auth = new SessionAuth(cookies, Paths.LOGIN);
    OriginCheck origin = new OriginCheck(services.options().getPublicUrl(), pages::refuse);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES);
    PortalContext context = new PortalContext(services, cookies, auth, origin, pages);

    router.routeWithRegex(PORTAL_PATHS).handler(new SecurityHeaders());
    router.routeWithRegex(HttpMethod.POST, PORTAL_PATHS).handler(origin);
    router.get(Paths.ASSETS + "/*").handler(StaticHandler.create(ASSETS_ROOT)
        .setDirectoryListing(false));

    new LoginPage(pages, services.tokenVerifier(), cookies, identityProviders)
        .mount(router, body);
    identityProviders.forEach(provider -> provider.mount(router, context));
    loginLinks.forEach(links -> links.mount(router, context));

    IndexPage index = new IndexPage(pages, services);
    LeasePage lease = new LeasePage(pages, services);
    SharePage share = new SharePage(pages, services);
    RunPage run = new RunPage(pages, services);
    RunnerPage runner = new RunnerPage(pages, services);
    router.get(PATH).handler(auth).handler(index::handle);
    router.get(PATH + "/").handler(auth).handler(index::handle);
    router.get(PATH + "/leases/:lease").handler(auth).handler(lease::show);
    router.post(PATH + "/leases/:lease/release").handler(body).handler(auth)
        .handler(lease::release);
    router.get(PATH + "/leases/:lease/share").handler(auth).handler(share::show);
    router.post(PATH + "/leases/:lease/share").handler(body).handler(auth)
        .handler(share::change);
    router.get(PATH + "/runs/:run").handler(auth).handler(run::show);
    router.get(PATH + "/runs/:run/logs").handler(auth).handler(run::log);
    router.get(PATH + "/runs/:run/events").handler(auth).handler(run::events);
    router.get(PATH + "/runners/:provider/:runner").handler(auth).handler(runner::show);
    bridges.forEach(bridge -> bridge.mount(router, context));

    // Anything else under /portal is a readable 404 page, not the API's JSON.
    router.routeWithRegex(PORTAL_PATHS).handler(auth).handler(ctx -> pages.error(ctx,
        SessionAuth.session(ctx), 404, "not_found", "There is no portal page at "
            + ctx.request().path() + "."));
  }
}
