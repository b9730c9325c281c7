package dev.crabbox.cli.coordinator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.TestCoordinator;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coordinator serve} in-process: it serves, then stops cleanly on the shutdown signal. */
class CoordinatorServeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+) ");

  @TempDir
  Path home;

  private static Optional<String> listeningUrl(String stderr) {
    Matcher matcher = LISTENING.matcher(stderr);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  @Test
  void servesUntilShutdownThenStopsCleanly() throws Exception {
    Path data = home.resolve("data");
    CliRunner server = new CliRunner(home);
    CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(
        () -> server.run("coordinator", "serve", "--port", "0", "--data", data.toString()));

    String url = await().atMost(Duration.ofSeconds(30))
        .until(() -> listeningUrl(server.err()), Optional::isPresent).orElseThrow();
    String adminToken = Files.readString(data.resolve(CoordinatorKeys.ADMIN_TOKEN_FILE)).strip();

    CliRunner.Result login = new CliRunner(home.resolve("operator")).run("login", "--coordinator", url,
        "--token", adminToken);
    assertEquals(ExitCodes.OK, login.exitCode(), login.err());

    server.shutdown().trigger();
    CliRunner.Result result = run.get(30, TimeUnit.SECONDS);
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals("", result.out(), "serve prints nothing on stdout");

    CliRunner.Result afterStop = new CliRunner(home.resolve("operator2")).run("login", "--coordinator", url,
        "--token", adminToken);
    assertEquals(ExitCodes.COORDINATOR, afterStop.exitCode(), "the port is closed after the stop");
  }

  @Test
  void portInUseIsAFatalSetupError() {
    try (TestCoordinator other = new TestCoordinator(home.resolve("other"))) {
      String port = other.url().substring(other.url().lastIndexOf(':') + 1);

      CliRunner.Result result = new CliRunner(home)
          .run("coordinator", "serve", "--port", port, "--data", home.resolve("data").toString());

      assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
      assertTrue(result.err().contains("crabbox: coordinator failed to start on 127.0.0.1:" + port + ": "),
          result.err());
    }
  }

  @Test
  void tlsCertWithoutKeyIsAUsageError() throws Exception {
    Path cert = Files.writeString(home.resolve("cert.pem"), "x");

    CliRunner.Result result = new CliRunner(home).run("coordinator", "serve", "--data", home.toString(),
        "--tls-cert", cert.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --tls-cert and --tls-key must be given together" + System.lineSeparator(), result.err());
  }
}
