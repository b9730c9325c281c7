package dev.crabbox.portal.support;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.portal.github.GitHubSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub's OAuth and REST endpoints on a loopback port, answering with the JSON shapes of
 * GitHub's documentation: the authorize page approves at once as the account set with
 * {@link #approveAs} and redirects back with {@code code} and {@code state};
 * {@code POST /login/oauth/access_token} answers {@code access_token}/{@code token_type}/
 * {@code scope}, or {@code error}/{@code error_description} with status 200 as GitHub does;
 * {@code GET /api/user} and {@code GET /api/user/orgs} need the issued bearer token.
 */
public final class FakeGitHub {

  public static final String CLIENT_ID = "Iv1.fakeclient0001";
  public static final String CLIENT_SECRET = "fake-client-secret-do-not-log";

  private final HttpServer server;
  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, List<String>> orgs = new ConcurrentHashMap<>();
  private final AtomicInteger tokenExchanges = new AtomicInteger();
  private volatile String approving = "octocat";
  private volatile String lastRedirectUri;

  private FakeGitHub(HttpServer server) {
    this.server = server;
  }

  public static FakeGitHub start(Vertx vertx) {
    Router router = Router.router(vertx);
    HttpServer server = vertx.createHttpServer();
    FakeGitHub github = new FakeGitHub(server);
    router.get("/login/oauth/authorize").handler(github::authorize);
    router.post("/login/oauth/access_token").handler(BodyHandler.create())
        .handler(github::accessToken);
    router.get("/api/user").handler(github::user);
    router.get("/api/user/orgs").handler(github::userOrgs);
    Await.result(server.requestHandler(router).listen(0, "127.0.0.1"));
    return github;
  }

  /** The account the authorize page signs in, and its organizations. */
  public FakeGitHub approveAs(String login, String... memberOf) {
    approving = login;
    orgs.put(login, List.of(memberOf));
    return this;
  }

  /** {@code http://127.0.0.1:<port>}: authorize and token URLs are under it, the API at /api. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Settings pointing at this server. */
  public GitHubSettings settings(String org, Set<String> admins) {
    String base = baseUrl();
    return new GitHubSettings(CLIENT_ID, CLIENT_SECRET, URI.create(base + "/login/oauth/authorize"),
        URI.create(base + "/login/oauth/access_token"), URI.create(base + "/api"), org, admins,
        null);
  }

  /** How many code-for-token exchanges were attempted. */
  public int tokenExchanges() {
    return tokenExchanges.get();
  }

  public String lastRedirectUri() {
    return lastRedirectUri;
  }

  public void stop() {
    Await.result(server.close());
  }

  private void authorize(RoutingContext ctx) {
    String redirect = ctx.queryParams().get("redirect_uri");
    if (!CLIENT_ID.equals(ctx.queryParams().get("client_id")) || redirect == null) {
      ctx.response().setStatusCode(404).end("Not Found");
      return;
    }
    lastRedirectUri = redirect;
    String code = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    codes.put(code, approving);
    String state = ctx.queryParams().get("state");
    ctx.response().setStatusCode(302).putHeader("Location", redirect + "?code=" + code
        + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)))
        .end();
  }

  private void accessToken(RoutingContext ctx) {
    tokenExchanges.incrementAndGet();
    var form = ctx.request().formAttributes();
    JsonObject answer;
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      answer = error("incorrect_client_credentials",
          "The client_id and/or client_secret passed are incorrect.");
    } else {
      String login = codes.remove(String.valueOf(form.get("code")));
      if (login == null) {
        answer = error("bad_verification_code", "The code passed is incorrect or expired.");
      } else if (!String.valueOf(form.get("redirect_uri")).equals(lastRedirectUri)) {
        answer = error("redirect_uri_mismatch",
            "The redirect_uri MUST match the registered callback URL for this application.");
      } else {
        String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, login);
        answer = new JsonObject().put("access_token", token).put("token_type", "bearer")
            .put("scope", "read:org,read:user");
      }
    }
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .end(answer.encode());
  }

  private static JsonObject error(String error, String description) {
    return new JsonObject().put("error", error).put("error_description", description)
        .put("error_uri", "https://docs.github.com/apps/managing-oauth-apps/"
            + "troubleshooting-oauth-app-access-token-request-errors");
  }

  private String authenticated(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String login = header == null || !header.startsWith("Bearer ") ? null
        : tokens.get(header.substring("Bearer ".length()));
    if (login == null) {
      ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("message", "Requires authentication")
              .put("documentation_url", "https://docs.github.com/rest").encode());
    }
    return login;
  }

  private void user(RoutingContext ctx) {
    String login = authenticated(ctx);
    if (login != null) {
      ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("login", login).put("id", Math.abs(login.hashCode())).put("type", "User")
          .put("site_admin", false).put("name", "The " + login)
          .put("html_url", "https://github.com/" + login).encode());
    }
  }

  private void userOrgs(RoutingContext ctx) {
    String login = authenticated(ctx);
    if (login != null) {
      JsonArray answer = new JsonArray();
      orgs.getOrDefault(login, List.of()).forEach(org -> answer.add(new JsonObject()
          .put("login", org).put("id", Math.abs(org.hashCode()))
          .put("url", "https://api.github.com/orgs/" + org).put("description", "")));
      ctx.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }
  }
}
