package dev.crabbox.portal.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.session.SessionCookies;
import dev.crabbox.portal.support.Browser;
import dev.crabbox.portal.support.FakeGitHub;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub sign-in against a fake GitHub speaking GitHub's JSON: the happy path, the state and its
 * browser binding (missing, foreign, replayed, expired), GitHub refusing the code exchange, the
 * required organization, and the terminal hand-off to {@code crabbox login}.
 */
@ExtendWith(VertxExtension.class)
class GitHubLoginTest {

  @TempDir
  Path dataDir;

  private FakeGitHub github;
  private TestCoordinator coordinator;
  private Browser browser;

  private void start(Vertx vertx, GitHubSettings settings) {
    coordinator = TestCoordinator.start(vertx, dataDir, options -> options.addRouteContributor(
        new PortalRoutes().withIdentityProvider(new GitHubLogin(settings))));
    browser = new Browser(vertx);
  }

  private void start(Vertx vertx, String org, Set<String> admins) {
    github = FakeGitHub.start(vertx);
    start(vertx, github.settings(org, admins));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (coordinator != null) {
      coordinator.stop();
    }
    if (github != null) {
      github.stop();
    }
  }

  private String portal(String path) {
    return "http://127.0.0.1:" + coordinator.port() + path;
  }

  /** Starts a sign-in and returns GitHub's redirect back (the callback URL), not yet opened. */
  private String callbackFromGitHub(String startPath) {
    HttpResponse<Buffer> start = browser.get(portal(startPath));
    assertEquals(303, start.statusCode(), start.bodyAsString());
    String authorize = Browser.location(portal(startPath), start);
    HttpResponse<Buffer> approved = browser.get(authorize);
    assertEquals(302, approved.statusCode());
    return Browser.location(authorize, approved);
  }

  @Test
  void signsInWithTheGitHubLoginOrgAndAdminRole(Vertx vertx) {
    start(vertx, "", Set.of("OctoCat"));
    github.approveAs("octocat", "acme", "other");
    assertTrue(browser.get(portal("/portal/login")).bodyAsString()
        .contains("href=\"/portal/login/github\">Sign in with GitHub</a>"));

    String callback = callbackFromGitHub("/portal/login/github?next=%2Fportal%2Fruns%2Frun_1");
    assertTrue(callback.startsWith(portal("/portal/login/github/callback?code=")), callback);
    assertTrue(browser.cookie("__Host-crabbox_oauth") != null, "the browser-binding cookie");
    HttpResponse<Buffer> back = browser.get(callback);

    assertEquals(303, back.statusCode(), back.bodyAsString());
    assertEquals("/portal/runs/run_1", back.getHeader("Location"));
    assertNull(browser.cookie("__Host-crabbox_oauth"), "binding cookie cleared");
    JsonObject session = Browser.claims(browser.cookie(SessionCookies.NAME));
    assertEquals("octocat", session.getString("sub"));
    assertEquals("acme", session.getString("org"));
    assertEquals("admin", session.getString("role"));
    HttpResponse<Buffer> index = browser.get(portal("/portal"));
    assertEquals(200, index.statusCode());
    assertTrue(index.bodyAsString().contains("octocat (acme)"), index.bodyAsString());
    assertFalse(index.bodyAsString().contains("gho_"), "the GitHub token never reaches a page");
  }

  @Test
  void aUserWhoIsNotAnAdminIsAUser(Vertx vertx) {
    start(vertx, "", Set.of("someone-else"));
    github.approveAs("hubot");
    browser.get(callbackFromGitHub("/portal/login/github"));
    JsonObject session = Browser.claims(browser.cookie(SessionCookies.NAME));
    assertEquals("hubot", session.getString("sub"));
    assertEquals("", session.getString("org"));
    assertEquals("user", session.getString("role"));
  }

  @Test
  void aMissingOrWrongStateSignsNobodyIn(Vertx vertx) {
    start(vertx, "", Set.of());
    String callback = callbackFromGitHub("/portal/login/github");

    HttpResponse<Buffer> noState = browser.get(callback.replaceAll("&state=[^&]*", ""));
    assertRefused(noState, 400, "login_state_invalid");
    HttpResponse<Buffer> wrongState = browser.get(callback.replaceAll("state=[^&]*",
        "state=forged"));
    assertRefused(wrongState, 400, "login_state_invalid");
    assertEquals(0, github.tokenExchanges(), "no code is exchanged without a valid state");
  }

  @Test
  void aStateWorksOnceOnly(Vertx vertx) {
    start(vertx, "", Set.of());
    String callback = callbackFromGitHub("/portal/login/github");
    String binding = browser.cookie("__Host-crabbox_oauth");
    assertEquals(303, browser.get(callback).statusCode());

    browser.forget(SessionCookies.NAME);
    HttpResponse<Buffer> replay = browser.get(callback, java.util.Map.of("Cookie",
        "__Host-crabbox_oauth=" + binding));
    assertRefused(replay, 400, "login_state_invalid");
    assertEquals(1, github.tokenExchanges());
  }

  @Test
  void aCallbackOpenedInAnotherBrowserIsRefused(Vertx vertx) {
    start(vertx, "", Set.of());
    String callback = callbackFromGitHub("/portal/login/github");
    try (Browser victim = new Browser(vertx)) {
      assertRefused(victim.get(callback), 400, "login_state_invalid");
    }
    // The state was spent by that attempt: the starting browser cannot finish with it either.
    assertRefused(browser.get(callback), 400, "login_state_invalid");
  }

  @Test
  void aStateExpiresAfterTenMinutes(Vertx vertx) {
    start(vertx, "", Set.of());
    String callback = callbackFromGitHub("/portal/login/github");
    coordinator.clock().advance(OAuthStates.LIFETIME.plus(Duration.ofSeconds(1)));
    assertRefused(browser.get(callback), 400, "login_state_invalid");
  }

  @Test
  void aRefusedCodeExchangeIsAReadablePageWithoutASession(Vertx vertx) {
    github = FakeGitHub.start(vertx);
    GitHubSettings good = github.settings("", Set.of());
    start(vertx, new GitHubSettings(good.clientId(), "a-wrong-secret", good.authorizeUrl(),
        good.tokenUrl(), good.apiBase(), "", Set.of(), null));

    HttpResponse<Buffer> back = browser.get(callbackFromGitHub("/portal/login/github"));

    assertRefused(back, 502, "github_login_failed");
    assertTrue(back.bodyAsString().contains("GitHub did not accept the sign-in: The client_id "
        + "and/or client_secret passed are incorrect."), back.bodyAsString());
    assertFalse(back.bodyAsString().contains("a-wrong-secret"));
    assertFalse(back.bodyAsString().contains(FakeGitHub.CLIENT_SECRET));
  }

  @Test
  void onlyMembersOfTheConfiguredOrgGetIn(Vertx vertx) {
    start(vertx, "acme", Set.of());
    github.approveAs("mallory", "evilcorp");
    HttpResponse<Buffer> refused = browser.get(callbackFromGitHub("/portal/login/github"));
    assertRefused(refused, 403, "github_org_required");
    assertTrue(refused.bodyAsString().contains("mallory is not a member of the acme organization"),
        refused.bodyAsString());

    github.approveAs("octocat", "other", "ACME");
    assertEquals(303, browser.get(callbackFromGitHub("/portal/login/github")).statusCode());
    assertEquals("ACME", Browser.claims(browser.cookie(SessionCookies.NAME)).getString("org"));
  }

  @Test
  void aTerminalLoginGetsACoordinatorTokenThroughTheLoopbackCallback(Vertx vertx) {
    start(vertx, "", Set.of());
    github.approveAs("octocat", "acme");
    String verifier = "a-verifier-only-the-cli-knows-0123456789abcdef";
    String cliStart = "/portal/login/github/cli?port=49152&nonce=nonce-from-the-cli-0123456"
        + "&challenge=" + CliHandoff.challenge(verifier);

    HttpResponse<Buffer> back = browser.get(callbackFromGitHub(cliStart));

    assertEquals(303, back.statusCode(), back.bodyAsString());
    String loopback = back.getHeader("Location");
    assertTrue(loopback.matches("http://127\\.0\\.0\\.1:49152/callback\\?code=[A-Za-z0-9_-]{43}"
        + "&nonce=nonce-from-the-cli-0123456"), loopback);
    assertNull(browser.cookie(SessionCookies.NAME), "a terminal login sets no browser session");
    String code = loopback.replaceAll(".*code=([^&]*).*", "$1");

    WebClient api = WebClient.create(vertx);
    assertEquals(401, redeem(api, code, "a-different-verifier").statusCode());
    // The wrong verifier spent the code: a stolen code is worth one guess at most.
    String second = browser.get(callbackFromGitHub(cliStart)).getHeader("Location")
        .replaceAll(".*code=([^&]*).*", "$1");
    HttpResponse<Buffer> redeemed = redeem(api, second, verifier);
    assertEquals(200, redeemed.statusCode(), redeemed.bodyAsString());
    String token = redeemed.bodyAsJsonObject().getString("token");
    JsonObject whoami = coordinator.get("/v1/whoami", token).bodyAsJsonObject();
    assertEquals("octocat", whoami.getString("owner"));
    assertEquals("acme", whoami.getString("org"));
    HttpResponse<Buffer> again = redeem(api, second, verifier);
    assertEquals(401, again.statusCode());
    assertEquals("login_code_invalid", again.bodyAsJsonObject().getString("error"));
    api.close();
  }

  @Test
  void aSignInCancelledAtGitHubSaysSo(Vertx vertx) {
    start(vertx, "", Set.of());
    HttpResponse<Buffer> start = browser.get(portal("/portal/login/github"));
    String authorize = start.getHeader("Location");
    assertTrue(authorize.startsWith(github.baseUrl() + "/login/oauth/authorize?client_id="
        + FakeGitHub.CLIENT_ID + "&redirect_uri=" + java.net.URLEncoder.encode(
            portal("/portal/login/github/callback"), java.nio.charset.StandardCharsets.UTF_8)
        + "&scope=read%3Auser+read%3Aorg&state="), authorize);
    String state = authorize.replaceAll(".*[?&]state=([^&]*).*", "$1");

    // What GitHub sends back when the user clicks Cancel on the authorize page.
    HttpResponse<Buffer> cancelled = browser.get(portal("/portal/login/github/callback"
        + "?error=access_denied&error_description=The+user+has+denied+your+application+access."
        + "&state=" + state));

    assertRefused(cancelled, 401, "github_login_refused");
    assertTrue(cancelled.bodyAsString().contains("GitHub sign-in was cancelled."));
    assertEquals(0, github.tokenExchanges());
  }

  @Test
  void aBrokenTerminalLoginLinkIsExplained(Vertx vertx) {
    start(vertx, "", Set.of());
    HttpResponse<Buffer> response = browser.get(portal(
        "/portal/login/github/cli?port=80&nonce=x&challenge=y"));
    assertRefused(response, 400, "bad_login_request");
    assertEquals(0, github.tokenExchanges());
  }

  private HttpResponse<Buffer> redeem(WebClient api, String code, String verifier) {
    return Await.result(api.postAbs(portal("/v1/login/token")).sendJsonObject(new JsonObject()
        .put("code", code).put("verifier", verifier)));
  }

  private static void assertRefused(HttpResponse<Buffer> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertTrue(response.bodyAsString().contains(">" + code + "<"), response.bodyAsString());
    assertFalse(response.cookies().stream().anyMatch(c -> c.startsWith(SessionCookies.NAME + "=")
        && !c.startsWith(SessionCookies.NAME + "=;")), "no session cookie");
  }
}
