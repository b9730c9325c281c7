package dev.crabbox.portal.github;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;

/**
 * The three GitHub calls a sign-in needs: exchange the authorization code for an access token
 * ({@code POST login/oauth/access_token}, JSON answer), read the user ({@code GET /user}) and
 * their organizations ({@code GET /user/orgs}). The access token is used for these two reads
 * and then dropped; neither it nor the client secret is ever logged or put in a message.
 */
final class GitHubApi {

  /** A GitHub account: its login and the logins of the organizations it belongs to. */
  record Account(String login, List<String> orgs) {}

  /** A GitHub answer the sign-in cannot go on with; the message is safe to show. */
  static final class GitHubException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GitHubException(String message) {
      super(message, null, false, false);
    }
  }

  private static final int TIMEOUT_MS = 15_000;

  private final GitHubSettings settings;
  private final WebClient web;

  GitHubApi(Vertx vertx, GitHubSettings settings) {
    this.settings = settings;
    this.web = WebClient.create(vertx, new WebClientOptions().setUserAgent("crabbox-portal")
        .setFollowRedirects(false));
  }

  /** The access token for {@code code}; GitHub reports a bad code with status 200 and "error". */
  Future<String> exchange(String code, String redirectUri) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("client_id", settings.clientId())
        .add("client_secret", settings.clientSecret())
        .add("code", code)
        .add("redirect_uri", redirectUri);
    return web.postAbs(settings.tokenUrl().toString()).timeout(TIMEOUT_MS)
        .putHeader("Accept", "application/json")
        .sendForm(form)
        .recover(GitHubApi::unreachable)
        .compose(response -> {
          JsonObject body = object(response, "the token exchange");
          String token = body.getString("access_token");
          if (body.getString("error") != null || token == null || token.isEmpty()) {
            String why = body.getString("error_description", body.getString("error",
                "no access token in the answer"));
            return Future.failedFuture(new GitHubException(
                "GitHub did not accept the sign-in: " + why));
          }
          return Future.succeededFuture(token);
        });
  }

  /** The account behind {@code accessToken}. */
  Future<Account> account(String accessToken) {
    return get("/user", accessToken).compose(user -> {
      JsonObject json = object(user, "GET /user");
      String login = json.getString("login");
      if (login == null || login.isBlank()) {
        return Future.failedFuture(new GitHubException("GitHub's /user answer has no login"));
      }
      return get("/user/orgs", accessToken).map(orgs -> new Account(login, orgLogins(orgs)));
    });
  }

  private Future<HttpResponse<Buffer>> get(String path, String accessToken) {
    String base = settings.apiBase().toString();
    HttpRequest<Buffer> request = web.getAbs((base.endsWith("/")
        ? base.substring(0, base.length() - 1) : base) + path).timeout(TIMEOUT_MS)
        .putHeader("Accept", "application/vnd.github+json")
        .putHeader("X-GitHub-Api-Version", "2022-11-28")
        .putHeader("Authorization", "Bearer " + accessToken);
    return request.send().recover(GitHubApi::unreachable);
  }

  private static List<String> orgLogins(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      throw new GitHubException("GitHub answered GET /user/orgs with HTTP "
          + response.statusCode());
    }
    try {
      JsonArray orgs = response.bodyAsJsonArray();
      return orgs.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
          .map(org -> org.getString("login")).filter(login -> login != null && !login.isBlank())
          .toList();
    } catch (DecodeException | ClassCastException e) {
      throw new GitHubException("GitHub's /user/orgs answer is not a JSON list");
    }
  }

  private static JsonObject object(HttpResponse<Buffer> response, String what) {
    if (response.statusCode() != 200) {
      throw new GitHubException("GitHub answered " + what + " with HTTP " + response.statusCode());
    }
    try {
      JsonObject json = response.bodyAsJsonObject();
      if (json == null) {
        throw new GitHubException("GitHub's answer to " + what + " is empty");
      }
      return json;
    } catch (DecodeException | ClassCastException e) {
      throw new GitHubException("GitHub's answer to " + what + " is not a JSON object");
    }
  }

  private static <T> Future<T> unreachable(Throwable failure) {
    return Future.failedFuture(new GitHubException("GitHub could not be reached: "
        + failure.getMessage()));
  }
}
