package dev.crabbox.portal.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.portal.support.PortalServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * their owner and admins), and send anonymous browsers to the login page.
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
      PortalRoute.of("POST", "/portal/logout", false, 303, 303, 303, 303, 303, 303, 303),
      PortalRoute.of("GET", "/portal/no-such-page", false, A, 404, 404, 404, 404, 404, 404));

  private static Vertx vertx;
  private static PortalServer portal;
  private static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);
  private static final Map<Who, String> SESSIONS = new EnumMap<>(Who.class);
  private static Fixture shared;

  /** alice's lease (shared as {@link Who} describes) and a run on it. */
  private record Fixture(String lease, String run) {}

  @BeforeAll
  static void start(@TempDir Path dataDir) {
    vertx = Vertx.vertx();
    portal = PortalServer.start(vertx, dataDir);
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
    String session = SESSIONS.get(who);
    HttpResponse<Buffer> response = "GET".equals(route.method())
        ? portal.get(path, session)
        : portal.post(path, session, MultiMap.caseInsensitiveMultiMap()
            .add("action", "add").add("user", "zed").add("access", "use"));
    int expected = route.expected().get(who);
    assertEquals(expected, response.statusCode(), route + " as " + who + ": "
        + response.bodyAsString());
    if (expected == 303 && who == Who.ANONYMOUS && !path.equals("/portal/logout")) {
      assertTrue(response.getHeader("Location").startsWith("/portal/login"),
          response.getHeader("Location"));
    }
    if (expected == 404) {
      assertTrue(response.getHeader("Content-Type").startsWith("text/html"),
          "a 404 is a readable page");
    }
  }
}
