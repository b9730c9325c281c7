package dev.crabbox.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.cluster.ClusterSettings;
import dev.crabbox.coordinator.cluster.CoordinatorVertx;
import dev.crabbox.coordinator.store.PostgresUrl;
import dev.crabbox.coordinator.store.StoreKind;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.coordinator.support.TestPostgres;
import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.github.GitHubLogin;
import dev.crabbox.portal.github.GitHubSettings;
import dev.crabbox.portal.login.CallerJson;
import dev.crabbox.portal.login.OneUseCodes;
import dev.crabbox.portal.session.SessionCookies;
import dev.crabbox.portal.support.Browser;
import dev.crabbox.portal.support.FakeGitHub;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two coordinator nodes, each on its own clustered Vert.x (Hazelcast on loopback) with one
 * PostgreSQL database, behind a "balancer" without sticky sessions: GitHub's redirect back and
 * the CLI's code redemption land on the other node than the one that started the sign-in, and
 * still work, exactly once; and a code presented to both nodes at once opens for one of them.
 */
class ClusteredSignInTest {

  /** The public address both nodes are configured with; the test plays the balancer. */
  private static final String BALANCER = "http://balancer.invalid";

  @TempDir
  static Path dir;

  private static Vertx outside;
  private static Vertx nodeOneVertx;
  private static Vertx nodeTwoVertx;
  private static PostgresUrl database;
  private static FakeGitHub github;
  private static TestCoordinator nodeOne;
  private static TestCoordinator nodeTwo;

  @BeforeAll
  static void start() throws IOException {
    TestPostgres.adminUrl();
    outside = Vertx.vertx();
    database = Await.result(TestPostgres.createDatabase(outside));
    github = FakeGitHub.start(outside);
    int portOne = freePort();
    int portTwo = freePort();
    List<String> members = List.of("127.0.0.1:" + portOne, "127.0.0.1:" + portTwo);
    Future<Vertx> one = CoordinatorVertx.clustered(new ClusterSettings("127.0.0.1", portOne,
        members));
    Future<Vertx> two = CoordinatorVertx.clustered(new ClusterSettings("127.0.0.1", portTwo,
        members));
    Await.result(Future.all(one, two));
    nodeOneVertx = one.result();
    nodeTwoVertx = two.result();
    GitHubSettings fake = github.settings("", Set.of());
    GitHubSettings settings = new GitHubSettings(fake.clientId(), fake.clientSecret(),
        fake.authorizeUrl(), fake.tokenUrl(), fake.apiBase(), "", Set.of(),
        BALANCER + GitHubLogin.CALLBACK);
    nodeOne = node(nodeOneVertx, dir.resolve("node1"), settings);
    Path nodeTwoData = Files.createDirectories(dir.resolve("node2"));
    for (String file : List.of(CoordinatorKeys.SIGNING_KEY_FILE,
        CoordinatorKeys.ADMIN_TOKEN_FILE)) {
      Files.copy(dir.resolve("node1").resolve(file), nodeTwoData.resolve(file));
    }
    nodeTwo = node(nodeTwoVertx, nodeTwoData, settings);
  }

  private static TestCoordinator node(Vertx vertx, Path data, GitHubSettings settings) {
    return TestCoordinator.start(vertx, data, options -> options.setStore(StoreKind.POSTGRES)
        .setPostgresUrl(database).addRouteContributor(new PortalRoutes()
            .withIdentityProvider(new GitHubLogin(settings))));
  }

  @AfterAll
  static void stop() {
    for (TestCoordinator node : new TestCoordinator[] {nodeOne, nodeTwo}) {
      if (node != null) {
        node.stop();
      }
    }
    for (Vertx vertx : new Vertx[] {nodeOneVertx, nodeTwoVertx}) {
      if (vertx != null) {
        vertx.close().await();
      }
    }
    if (outside != null) {
      if (database != null) {
        Await.result(TestPostgres.dropDatabase(outside, database));
      }
      if (github != null) {
        github.stop();
      }
      outside.close().await();
    }
  }

  private static String on(TestCoordinator node, String path) {
    return "http://127.0.0.1:" + node.port() + path;
  }

  /** Starts a sign-in on node 1; answers GitHub's redirect back, sent by the balancer to node 2. */
  private static String callbackViaNodeTwo(Browser browser, String startPath) {
    HttpResponse<Buffer> started = browser.get(on(nodeOne, startPath));
    assertEquals(303, started.statusCode(), started.bodyAsString());
    String authorize = started.getHeader("Location");
    HttpResponse<Buffer> approved = browser.get(authorize);
    assertEquals(302, approved.statusCode());
    String callback = approved.getHeader("Location");
    assertTrue(callback.startsWith(BALANCER + GitHubLogin.CALLBACK), callback);
    return callback.replace(BALANCER, "http://127.0.0.1:" + nodeTwo.port());
  }

  @Test
  void anOAuthStateMadeOnOneNodeIsCompletedOnTheOtherOnce() {
    github.approveAs("octocat", "acme");
    try (Browser browser = new Browser(outside)) {
      String callback = callbackViaNodeTwo(browser, "/portal/login/github?next=%2Fportal");
      String binding = browser.cookie("__Host-crabbox_oauth");

      HttpResponse<Buffer> back = browser.get(callback);

      assertEquals(303, back.statusCode(), back.bodyAsString());
      assertEquals("/portal", back.getHeader("Location"));
      assertEquals("octocat", Browser.claims(browser.cookie(SessionCookies.NAME))
          .getString("sub"));
      browser.forget(SessionCookies.NAME);
      HttpResponse<Buffer> replay = browser.get(callback.replace(":" + nodeTwo.port(),
          ":" + nodeOne.port()), Map.of("Cookie", "__Host-crabbox_oauth=" + binding));
      assertEquals(400, replay.statusCode(), "the state is spent on every node");
      assertTrue(replay.bodyAsString().contains(">login_state_invalid<"));
      assertNull(browser.cookie(SessionCookies.NAME));
    }
  }

  @Test
  void aTerminalLoginCodeMintedOnOneNodeRedeemsOnTheOtherOnce() throws Exception {
    github.approveAs("hubot", "acme");
    String verifier = "a-verifier-only-the-cli-knows-0123456789abcdef";
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
        .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    WebClient api = WebClient.create(outside);
    try (Browser browser = new Browser(outside)) {
      HttpResponse<Buffer> back = browser.get(callbackViaNodeTwo(browser,
          "/portal/login/github/cli?port=49152&nonce=nonce-from-the-cli-0123456&challenge="
              + challenge));
      assertEquals(303, back.statusCode(), back.bodyAsString());
      String code = back.getHeader("Location").replaceAll(".*code=([^&]*).*", "$1");

      HttpResponse<Buffer> redeemed = redeem(api, nodeOne, code, verifier);
      assertEquals(200, redeemed.statusCode(), redeemed.bodyAsString());
      String token = redeemed.bodyAsJsonObject().getString("token");
      assertEquals("hubot", nodeTwo.get("/v1/whoami", token).bodyAsJsonObject()
          .getString("owner"));
      HttpResponse<Buffer> again = redeem(api, nodeTwo, code, verifier);
      assertEquals(401, again.statusCode());
      assertEquals("login_code_invalid", again.bodyAsJsonObject().getString("error"));
    } finally {
      api.close();
    }
  }

  @Test
  void aCodeRedeemedOnBothNodesAtOnceOpensForExactlyOne() {
    OneUseCodes<Caller> onNodeOne = new OneUseCodes<>(nodeOneVertx, "test.cluster-codes",
        Clock.systemUTC(), Duration.ofMinutes(2), CallerJson.INSTANCE);
    OneUseCodes<Caller> onNodeTwo = new OneUseCodes<>(nodeTwoVertx, "test.cluster-codes",
        Clock.systemUTC(), Duration.ofMinutes(2), CallerJson.INSTANCE);
    Caller fay = new Caller("fay", "acme", Role.USER);
    for (int round = 0; round < 20; round++) {
      String code = onNodeOne.mint(fay).await();
      List<Future<Optional<Caller>>> redeemers = List.of(onNodeTwo.redeem(code),
          onNodeOne.redeem(code), onNodeTwo.redeem(code), onNodeOne.redeem(code));
      Await.result(Future.all(redeemers));
      List<Caller> winners = redeemers.stream().map(Future::result).flatMap(Optional::stream)
          .toList();
      assertEquals(List.of(fay), winners, "round " + round);
    }
  }

  private static HttpResponse<Buffer> redeem(WebClient api, TestCoordinator node, String code,
      String verifier) {
    return Await.result(api.postAbs(on(node, "/v1/login/token")).sendJsonObject(new JsonObject()
        .put("code", code).put("verifier", verifier)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
