package dev.crabbox.portal.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.portal.gateway.GatewayLogin;
import dev.crabbox.portal.gateway.GatewaySettings;
import dev.crabbox.portal.github.GitHubLogin;
import dev.crabbox.portal.login.LoginLinks;
import dev.crabbox.portal.support.FakeGitHub;
import dev.crabbox.portal.support.PortalServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every portal route × every kind of session, against a real coordinator: the portal must give
 * exactly the access the {@code /v1} API gives (use shares and org members see, manage shares
 * and owners also share and stop, strangers get the 404 an unknown lease gets, runners are for
 * their owner and admins), and send anonymous browsers to the login page. The sign-in routes
 * (GitHub, terminal hand-off, login links, gateway, the CLI's code redemption) answer every
 * session alike.
 */
class PortalAuthzMatrixTest {

  private static final String RUNNER = "tbx_matrix";
  private static final int A = 303;

  /** Statuses in {@link Who} order: anonymous, owner, use, manage, org member, admin, stranger. */
  private static final List<PortalRoute> ROUTES = List.of(
      PortalRoute.of("GET", "/portal", false, A, 200, 200, 200, 200, 200, 200),
      PortalRoute.of("GET", "/portal/leases/{lease}", false, A, 200, 200, 200, 200, 200, 404),
      PortalRoute.of("GET", "/portal/leases/{lease}/share", false, A, 200, 200, 200, 200, 200, 404),
      PortalRoute.of("POST", "/portal/leases/{lease}/share", true, A, 303, 403, 303, 403, 303, 404),
      PortalRoute.of("POST", "/portal/leases/{lease}/release", true, A, 303, 403, 303, 403, 303, 404),
      PortalRoute.of("GET", "/portal/runs/{run}", false, A, 200, 200, 200, 200, 200, 404),
      PortalRoute.of("GET", "/portal/runs/{run}/logs", false, A, 200, 200, 200, 200, 200, 404),
      PortalRoute.of("GET", "/portal/runs/{run}/events", false, A, 200, 200, 200, 200, 200, 404),
      PortalRoute.of("GET", "/portal/runners/blacksmith-testbox/{runner}", false,
          A, 200, 404, 404, 404, 200, 404),
      PortalRoute.of("GET", "/portal/login", false, 200, 200, 200, 200, 200, 200, 200),
      // The sign-in routes are public: a session neither opens nor closes them.
      PortalRoute.of("GET", "/portal/login/github", false, 303, 303, 303, 303, 303, 303, 303),
      PortalRoute.of("GET", "/portal/login/github/cli", false,
          400, 400, 400, 400, 400, 400, 400),
      PortalRoute.of("GET", "/portal/login/github/callback?code=c&state=forged", false,
          400, 400, 400, 400, 400, 400, 400),
      PortalRoute.of("GET", "/portal/login/link?code={link}", false,
          303, 303, 303, 303, 303, 303, 303),
      PortalRoute.of("GET", "/portal/login/link?code=guess", false,
          401, 401, 401, 401, 401, 401, 401),
      PortalRoute.of("GET", "/portal/login/gateway", false, 401, 401, 401, 401, 401, 401, 401),
      PortalRoute.of("POST", "/v1/login/token", false, 400, 400, 400, 400, 400, 400, 400),
      PortalRoute.of("POST", "/portal/logout", false, 303, 303, 303, 303, 303, 303, 303),
      PortalRoute.of("GET", "/portal/no-such-page", false, A, 404, 404, 404, 404, 404, 404));

  private static Vertx vertx;
  private static FakeGitHub github;
  private static LoginLinks links;
  private static PortalServer portal;
  private static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);
  private static final Map<Who, String> SESSIONS = new EnumMap<>(Who.class);
  private static Fixture shared;

  /** alice's lease (shared as {@link Who} describes) and a run on it. */
  private record Fixture(String lease, String run) {}

  @BeforeAll
  static void start(@TempDir Path dataDir) {
    vertx = Vertx.vertx();
    github = FakeGitHub.start(vertx);
    links = new LoginLinks(vertx, Clock.systemUTC(), LoginLinks.DEFAULT_LIFETIME);
    GatewaySettings gateway = new GatewaySettings(GatewaySettings.CLOUDFLARE_JWT_HEADER,
        URI.create("http://127.0.0.1:9/cdn-cgi/access/certs"), List.of(), "matrix-audience",
        "https://matrix.example", "acme", Set.of());
    portal = PortalServer.start(vertx, dataDir, routes -> routes.withLoginLinks(links)
        .withIdentityProvider(new GitHubLogin(github.settings("", Set.of())))
        .withIdentityProvider(new GatewayLogin(gateway)));
    for (Who who : Who.values()) {
      if (who == Who.ANONYMOUS) {
        continue;
      }
      String token = who == Who.ADMIN ? portal.adminToken() : portal.token(who.owner, who.org);
      TOKENS.put(who, token);
      SESSIONS.put(who, portal.login(token));
    }
    portal.syncRunners(TOKENS.get(Who.OWNER), new JsonObject().put("id", RUNNER)
        .put("status", "running"));
    shared = fixture();
  }

  @AfterAll
  static void stop() throws Exception {
    portal.stop();
    github.stop();
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static Fixture fixture() {
    String owner = TOKENS.get(Who.OWNER);
    String lease = portal.lease(owner, true, false, true).getString("slug");
    portal.share(owner, lease, Map.of("bob", "use", "dave", "manage"), "use");
    String run = portal.run(owner, lease, "make test");
    portal.log(owner, run, "line\n");
    return new Fixture(lease, run);
  }

  @TestFactory
  List<DynamicTest> everyRouteForEverySession() {
    List<DynamicTest> tests = new ArrayList<>();
    for (PortalRoute route : ROUTES) {
      for (Who who : Who.values()) {
        tests.add(DynamicTest.dynamicTest(route + " as " + who, () -> check(route, who)));
      }
    }
    return tests;
  }

  private static void check(PortalRoute route, Who who) {
    Fixture fixture = route.mutates() ? fixture() : shared;
    String path = route.resolve(fixture.lease(), fixture.run(), RUNNER);
    if (path.contains("{link}")) {
      String link = links.mint(new Caller("alice", "acme", Role.USER)).await();
      path = path.replace("{link}", link.substring(link.indexOf("code=") + "code=".length()));
    }
    String session = SESSIONS.get(who);
    HttpResponse<Buffer> response = "GET".equals(route.method())
        ? portal.get(path, session)
        : portal.post(path, session, MultiMap.caseInsensitiveMultiMap()
            .add("action", "add").add("user", "zed").add("access", "use"));
    int expected = route.expected().get(who);
    assertEquals(expected, response.statusCode(), route + " as " + who + ": "
        + response.bodyAsString());
    if (expected == 303 && who == Who.ANONYMOUS && !path.startsWith("/portal/log")) {
      assertTrue(response.getHeader("Location").startsWith("/portal/login"),
          response.getHeader("Location"));
    }
    if (expected == 404) {
      assertTrue(response.getHeader("Content-Type").startsWith("text/html"),
          "a 404 is a readable page");
    }
  }
}
