package dev.crabbox.cli.coordinator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.config.CliConfig;
import dev.crabbox.cli.config.CliConfigStore;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import io.vertx.core.net.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https coordinator ({@code --tls-cert/--tls-key}) reached with a private CA ({@code --ca}). */
class TlsCoordinatorTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (https://\\S+) ");

  @TempDir
  Path home;

  private final SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");

  @AfterEach
  void deleteCertificate() {
    certificate.delete();
  }

  @Test
  void loginNeedsTheCaAndSavesIt() throws Exception {
    Path data = home.resolve("data");
    CliRunner server = new CliRunner(home);
    CompletableFuture<CliRunner.Result> serving = CompletableFuture.supplyAsync(() -> server.run(
        "coordinator", "serve", "--host", "localhost", "--port", "0", "--data", data.toString(),
        "--tls-cert", certificate.certificatePath(), "--tls-key", certificate.privateKeyPath()));
    String url = await().atMost(Duration.ofSeconds(30)).until(() -> {
      Matcher matcher = LISTENING.matcher(server.err());
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.<String>empty();
    }, Optional::isPresent).orElseThrow();
    String token = Files.readString(data.resolve(CoordinatorKeys.ADMIN_TOKEN_FILE)).strip();

    CliRunner.Result untrusted = new CliRunner(home.resolve("a")).run("login", "--coordinator", url, "--token", token);
    assertEquals(ExitCodes.COORDINATOR, untrusted.exitCode(), untrusted.err());
    assertTrue(untrusted.err().startsWith("crabbox: TLS with the coordinator failed: "), untrusted.err());
    assertTrue(untrusted.err().contains("--ca"), untrusted.err());

    CliRunner operator = new CliRunner(home.resolve("b"));
    CliRunner.Result trusted = operator.run("login", "--coordinator", url.replace("https://", "wss://"),
        "--token", token, "--ca", certificate.certificatePath());
    assertEquals(ExitCodes.OK, trusted.exitCode(), trusted.err());
    CliConfig saved = new CliConfigStore(operator.configFile()).load();
    assertEquals(url, saved.coordinator(), "wss is saved as https");
    assertEquals(Path.of(certificate.certificatePath()).toAbsolutePath().toString(), saved.ca());

    // Without --token, login would sign in with GitHub; the saved CA still applies to a token login.
    CliRunner.Result relogin = new CliRunner(home.resolve("b")).run("login", "--token", token);
    assertEquals(ExitCodes.OK, relogin.exitCode(), "the saved CA is used again: " + relogin.err());

    server.shutdown().trigger();
    assertEquals(ExitCodes.OK, serving.get(30, TimeUnit.SECONDS).exitCode());
  }
}
