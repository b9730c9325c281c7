package dev.crabbox.portal.page;

import dev.crabbox.coordinator.auth.TokenVerifier;
import dev.crabbox.portal.session.SessionCookies;
import dev.crabbox.portal.spi.IdentityProvider;
import dev.crabbox.portal.view.Link;
import dev.crabbox.portal.view.LoginView;
import dev.crabbox.portal.web.Pages;
import dev.crabbox.portal.web.Paths;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /portal/login} (the token form, plus a button per identity provider),
 * {@code POST /portal/login} (field {@code token}: a coordinator bearer token, checked with the
 * coordinator's own verifier, then exchanged for the session cookie) and
 * {@code POST /portal/logout}. The token itself is never stored or echoed.
 */
public final class LoginPage {

  private final Pages pages;
  private final TokenVerifier verifier;
  private final SessionCookies cookies;
  private final List<Link> providers = new ArrayList<>();

  public LoginPage(Pages pages, TokenVerifier verifier, SessionCookies cookies,
      List<IdentityProvider> identityProviders) {
    this.pages = pages;
    this.verifier = verifier;
    this.cookies = cookies;
    identityProviders.forEach(p -> providers.add(new Link(p.label(), p.startPath(), false)));
  }

  public void mount(Router router, BodyHandler body) {
    router.get(Paths.LOGIN).handler(ctx -> form(ctx, 200, "", ctx.queryParams().get("next")));
    router.post(Paths.LOGIN).handler(body).handler(this::login);
    router.post(Paths.LOGOUT).handler(body).handler(this::logout);
  }

  private void form(RoutingContext ctx, int status, String message, String next) {
    String safeNext = Paths.safeNext(next);
    // Each provider brings the browser back to the page it asked for, like the token form.
    List<Link> links = safeNext.equals(Paths.ROOT) ? providers : providers.stream()
        .map(p -> new Link(p.text(), p.href() + "?next=" + Paths.segment(safeNext), false))
        .toList();
    pages.render(ctx, status, "login.jte", new LoginView(pages.page(ctx, "Sign in", null), message,
        safeNext, links));
  }

  private void login(RoutingContext ctx) {
    String token = ctx.request().getFormAttribute("token");
    String next = Paths.safeNext(ctx.request().getFormAttribute("next"));
    if (token == null || token.isBlank()) {
      form(ctx, 400, "Paste a coordinator token to sign in.", next);
      return;
    }
    verifier.verify(token.trim()).onComplete(result -> {
      if (result.failed()) {
        form(ctx, 401, "That token is not valid for this coordinator.", next);
        return;
      }
      var caller = result.result();
      cookies.establish(ctx, cookies.newSession(caller.owner(), caller.org(), caller.role()));
      Pages.seeOther(ctx, next);
    });
  }

  private void logout(RoutingContext ctx) {
    cookies.clear(ctx);
    Pages.seeOther(ctx, Paths.LOGIN);
  }
}
