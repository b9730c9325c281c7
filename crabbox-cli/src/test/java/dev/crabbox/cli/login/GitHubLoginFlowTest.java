package dev.crabbox.cli.login;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.config.CliConfig;
import dev.crabbox.cli.config.CliConfigStore;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.portal.support.Browser;
import dev.crabbox.portal.support.FakeGitHub;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crabbox login} without a token, end to end: a coordinator started with
 * {@code coordinator serve --config} whose {@code portal.github} section points at a fake GitHub,
 * the CLI's loopback callback, and a hand-driven browser following every redirect from the
 * printed login URL through GitHub and back to the CLI.
 */
@Timeout(120)
class GitHubLoginFlowTest {

  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+) ");
  private static final Pattern LOGIN_URL = Pattern.compile("(http://\\S+/portal/login/github/cli\\S+)");

  @TempDir
  Path home;

  private Vertx vertx;
  private FakeGitHub github;
  private CliRunner server;
  private CompletableFuture<CliRunner.Result> serving;
  private String coordinator;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    github = FakeGitHub.start(vertx).approveAs("octocat", "acme");
    Path config = Files.writeString(home.resolve("coordinator.yaml"), String.join("\n",
        "portal:",
        "  github:",
        "    clientId: " + FakeGitHub.CLIENT_ID,
        "    authorizeUrl: " + github.baseUrl() + "/login/oauth/authorize",
        "    tokenUrl: " + github.baseUrl() + "/login/oauth/access_token",
        "    apiUrl: " + github.baseUrl() + "/api",
        "    org: acme",
        "    admins: [OctoCat]",
        ""));
    server = new CliRunner(home.resolve("server"))
        .env("CRABBOX_GITHUB_CLIENT_SECRET", FakeGitHub.CLIENT_SECRET);
    serving = CompletableFuture.supplyAsync(() -> server.run("coordinator", "serve", "--port", "0",
        "--data", home.resolve("data").toString(), "--config", config.toString()));
    coordinator = await().atMost(Duration.ofSeconds(60))
        .until(() -> find(LISTENING, server.err()), Optional::isPresent).orElseThrow();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown().trigger();
    assertEquals(ExitCodes.OK, serving.get(30, TimeUnit.SECONDS).exitCode());
    github.stop();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Optional<String> find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  @Test
  void loginWithoutATokenSignsInWithGitHubAndSavesTheIssuedToken() throws Exception {
    CliRunner cli = new CliRunner(home.resolve("operator"));
    CompletableFuture<CliRunner.Result> login = CompletableFuture.supplyAsync(
        () -> cli.run("login", "--coordinator", coordinator));
    String url = await().atMost(Duration.ofSeconds(30))
        .until(() -> find(LOGIN_URL, cli.err()), Optional::isPresent).orElseThrow();
    assertTrue(url.startsWith(coordinator + "/portal/login/github/cli?port="), url);
    String port = url.replaceAll(".*port=(\\d+).*", "$1");

    try (Browser browser = new Browser(vertx)) {
      HttpResponse<Buffer> injected = browser.get("http://127.0.0.1:" + port
          + "/callback?code=attacker-code&nonce=guessed");
      assertEquals(400, injected.statusCode(), "a callback without the CLI's nonce is ignored");

      HttpResponse<Buffer> landed = browser.follow(url, null);
      assertEquals(200, landed.statusCode(), landed.bodyAsString());
      assertTrue(landed.bodyAsString().startsWith("Signed in."), landed.bodyAsString());
    }

    CliRunner.Result result = login.get(60, TimeUnit.SECONDS);
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("logged in to " + coordinator
        + " as octocat (org acme, role admin)"), result.out());
    CliConfig saved = new CliConfigStore(cli.configFile()).load();
    assertEquals(coordinator, saved.coordinator());
    String adminToken = Files.readString(home.resolve("data")
        .resolve(CoordinatorKeys.ADMIN_TOKEN_FILE)).strip();
    assertNotEquals(adminToken, saved.token(), "a token of its own, for octocat");
    assertTrue(!result.out().contains(saved.token()) && !result.err().contains(saved.token()),
        "the token is never echoed");
    assertTrue(!server.err().contains(FakeGitHub.CLIENT_SECRET)
        && !server.out().contains(FakeGitHub.CLIENT_SECRET), "the client secret is never logged");

    CliRunner.Result list = new CliRunner(home.resolve("operator")).run("list");
    assertEquals(ExitCodes.OK, list.exitCode(), "later commands use the saved login: " + list.err());
  }

  @Test
  void aBadPortalSectionIsAUsageError() throws Exception {
    Path bad = Files.writeString(home.resolve("bad.yaml"), "portal:\n  github:\n    org: acme\n");
    CliRunner.Result result = new CliRunner(home.resolve("other")).run("coordinator", "serve",
        "--port", "0", "--data", home.resolve("data2").toString(), "--config", bad.toString());
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
    assertTrue(result.err().contains("portal.github needs clientId (or CRABBOX_GITHUB_CLIENT_ID)"),
        result.err());
  }
}
