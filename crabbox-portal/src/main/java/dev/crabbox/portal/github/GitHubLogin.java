package dev.crabbox.portal.github;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.portal.login.OneUseCodes;
import dev.crabbox.portal.spi.IdentityProvider;
import dev.crabbox.portal.spi.PortalContext;
import dev.crabbox.portal.web.Pages;
import dev.crabbox.portal.web.Paths;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with GitHub (an OAuth app): {@code GET /portal/login/github} sends the browser to
 * GitHub's authorize page with a one-use {@code state} bound to this browser;
 * {@code GET /portal/login/github/callback} checks the state and its cookie, exchanges the code
 * for an access token, reads the user and their organizations, and maps them to a portal
 * identity: owner = GitHub login, org = the configured organization (membership required) or the
 * user's first one, role admin for configured admin logins. A browser sign-in gets the session
 * cookie; a terminal sign-in ({@code GET /portal/login/github/cli}, opened by
 * {@code crabbox login}) is handed to the CLI's loopback callback instead.
 */
public final class GitHubLogin implements IdentityProvider {

  public static final String START = Paths.LOGIN + "/github";
  public static final String CALLBACK = START + "/callback";
  public static final String CLI_START = START + "/cli";
  /** Enough to read the login and the organizations, including private memberships. */
  static final String SCOPE = "read:user read:org";

  private static final Logger LOG = LoggerFactory.getLogger(GitHubLogin.class);

  private final GitHubSettings settings;

  public GitHubLogin(GitHubSettings settings) {
    this.settings = settings;
  }

  @Override
  public String label() {
    return "Sign in with GitHub";
  }

  @Override
  public String startPath() {
    return START;
  }

  @Override
  public void mount(Router router, PortalContext context) {
    var clock = context.services().options().getClock();
    var vertx = context.services().vertx();
    OAuthStates states = new OAuthStates(vertx, clock);
    CliHandoff handoff = new CliHandoff(vertx, clock);
    GitHubApi api = new GitHubApi(context.services().vertx(), settings);
    router.get(START).handler(ctx -> redirectToGitHub(ctx, context, states,
        Paths.safeNext(ctx.queryParams().get("next")), null));
    router.get(CLI_START).handler(ctx -> {
      CliRequest cli;
      try {
        cli = CliRequest.parse(ctx.queryParams());
      } catch (IllegalArgumentException e) {
        context.pages().error(ctx, null, 400, "bad_login_request", "This terminal login link "
            + "is broken: " + e.getMessage() + ". Run crabbox login again.");
        return;
      }
      redirectToGitHub(ctx, context, states, Paths.ROOT, cli);
    });
    router.get(CALLBACK).handler(ctx -> callback(ctx, context, states, handoff, api));
    handoff.mount(router, context.services());
  }

  private void redirectToGitHub(RoutingContext ctx, PortalContext context, OAuthStates states,
      String next, CliRequest cli) {
    states.begin(ctx, next, cli).onComplete(begun -> {
      if (begun.failed()) {
        failed(ctx, context, begun.cause());
        return;
      }
      String location = settings.authorizeUrl() + "?client_id=" + encode(settings.clientId())
          + "&redirect_uri=" + encode(callbackUrl(ctx, context)) + "&scope=" + encode(SCOPE)
          + "&state=" + encode(begun.result()) + "&allow_signup=false";
      ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location)
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
    });
  }

  /** A sign-in step the shared map could not take: too many in progress, or the map failed. */
  private static void failed(RoutingContext ctx, PortalContext context, Throwable cause) {
    if (cause instanceof OneUseCodes.TooManyInProgress) {
      refuse(ctx, context, 503, "login_busy", cause.getMessage());
      return;
    }
    LOG.warn("Sign-in state could not be kept", cause);
    refuse(ctx, context, 503, "login_unavailable", "Sign-in is unavailable right now; the "
        + "coordinator's log has the details. Try again in a minute.");
  }

  private void callback(RoutingContext ctx, PortalContext context, OAuthStates states,
      CliHandoff handoff, GitHubApi api) {
    states.complete(ctx, ctx.queryParams().get("state")).onComplete(completed -> {
      if (completed.failed()) {
        failed(ctx, context, completed.cause());
        return;
      }
      callback(ctx, context, completed.result(), handoff, api);
    });
  }

  private void callback(RoutingContext ctx, PortalContext context,
      Optional<PendingLogin> pending, CliHandoff handoff, GitHubApi api) {
    if (pending.isEmpty()) {
      refuse(ctx, context, 400, "login_state_invalid", "This sign-in was not started in this "
          + "browser, was already used, or took longer than ten minutes. Start again.");
      return;
    }
    String code = ctx.queryParams().get("code");
    if (code == null || code.isBlank()) {
      String error = ctx.queryParams().get("error");
      refuse(ctx, context, 401, "github_login_refused", "access_denied".equals(error)
          ? "GitHub sign-in was cancelled." : "GitHub sent no authorization code back.");
      return;
    }
    api.exchange(code, callbackUrl(ctx, context)).compose(api::account).onComplete(result -> {
      if (result.failed()) {
        if (!(result.cause() instanceof GitHubApi.GitHubException)) {
          LOG.warn("GitHub sign-in failed", result.cause());
        }
        refuse(ctx, context, 502, "github_login_failed", result.cause() instanceof
            GitHubApi.GitHubException ? result.cause().getMessage()
            : "GitHub sign-in failed; the coordinator's log has the details.");
        return;
      }
      GitHubApi.Account account = result.result();
      Optional<String> org = org(account);
      if (org.isEmpty()) {
        refuse(ctx, context, 403, "github_org_required", "GitHub user " + account.login()
            + " is not a member of the " + settings.org() + " organization, which this portal "
            + "requires.");
        return;
      }
      Caller caller = new Caller(account.login(), org.get(),
          settings.isAdmin(account.login()) ? Role.ADMIN : Role.USER);
      LOG.info("GitHub sign-in of {} (org {}, role {}{})", caller.owner(), caller.org(),
          caller.role().wire(), pending.get().cli() == null ? "" : ", for crabbox login");
      finish(ctx, context, handoff, pending.get(), caller);
    });
  }

  private static void finish(RoutingContext ctx, PortalContext context, CliHandoff handoff,
      PendingLogin pending, Caller caller) {
    if (pending.cli() != null) {
      handoff.handOff(pending.cli(), caller).onComplete(handedOff -> {
        if (handedOff.failed()) {
          failed(ctx, context, handedOff.cause());
          return;
        }
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, handedOff.result())
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
      });
      return;
    }
    var sessions = context.sessions();
    sessions.establish(ctx, sessions.newSession(caller.owner(), caller.org(), caller.role()));
    Pages.seeOther(ctx, pending.next());
  }

  /** The org the account signs in with; empty when a required membership is missing. */
  private Optional<String> org(GitHubApi.Account account) {
    if (settings.org().isEmpty()) {
      return Optional.of(account.orgs().isEmpty() ? "" : account.orgs().get(0));
    }
    return account.orgs().stream().filter(org -> org.equalsIgnoreCase(settings.org()))
        .findFirst();
  }

  private String callbackUrl(RoutingContext ctx, PortalContext context) {
    return settings.callbackUrl() != null ? settings.callbackUrl()
        : context.originCheck().portalOrigin(ctx.request()) + CALLBACK;
  }

  private static void refuse(RoutingContext ctx, PortalContext context, int status, String code,
      String message) {
    context.pages().error(ctx, null, status, code, message);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
