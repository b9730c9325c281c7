package dev.crabbox.cli.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.TestCoordinator;
import dev.crabbox.cli.config.CliConfig;
import dev.crabbox.cli.config.CliConfigStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {
  @TempDir
  Path home;

  private TestCoordinator coordinator;

  @BeforeEach
  void startCoordinator() {
    coordinator = new TestCoordinator(home.resolve("coordinator-data"));
  }

  @AfterEach
  void stopCoordinator() {
    coordinator.close();
  }

  @Test
  void loginVerifiesWithWhoamiThenSavesTheConfigOwnerOnly() throws Exception {
    CliRunner cli = new CliRunner(home);

    CliRunner.Result result = cli.run("login", "--coordinator", coordinator.url() + "/",
        "--token", coordinator.adminToken(), "--provider", "aws");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("logged in to " + coordinator.url() + " as admin (org -, role admin)"),
        result.out());
    assertEquals(new CliConfig(coordinator.url(), coordinator.adminToken(), "aws", null),
        new CliConfigStore(cli.configFile()).load());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile())));
    assertTrue(!result.out().contains(coordinator.adminToken()), "the token is never echoed");
  }

  @Test
  void savedLoginIsUsedByLaterCommands() {
    CliRunner cli = new CliRunner(home);
    cli.run("login", "--coordinator", coordinator.url(), "--token", coordinator.adminToken());
    String slug = coordinator.createLease().getString("slug");

    CliRunner.Result status = new CliRunner(home).run("egress", "status", slug);

    assertEquals(ExitCodes.OK, status.exitCode(), status.err());
  }

  @Test
  void loginWithTheEnvironmentsUrlAndToken() {
    CliRunner cli = new CliRunner(home)
        .env("CRABBOX_COORDINATOR", coordinator.url())
        .env("CRABBOX_TOKEN", coordinator.adminToken());

    CliRunner.Result result = cli.run("login");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(coordinator.url(), new CliConfigStore(cli.configFile()).load().coordinator());
  }

  @Test
  void rejectedTokenIsFatalAndSavesNothing() {
    CliRunner cli = new CliRunner(home);

    CliRunner.Result result = cli.run("login", "--coordinator", coordinator.url(), "--token", "eyJ.not.valid");

    assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("crabbox: coordinator refused: "), result.err());
    assertTrue(result.err().contains("(HTTP 401 unauthorized)"), result.err());
    assertTrue(Files.notExists(cli.configFile()), "nothing saved");
  }

  @Test
  void unreachableCoordinatorExitsThreeAndSavesNothing() {
    CliRunner cli = new CliRunner(home);

    CliRunner.Result result = cli.run("login", "--coordinator", "http://127.0.0.1:9", "--token", "t");

    assertEquals(ExitCodes.COORDINATOR, result.exitCode(), result.err());
    assertTrue(Files.notExists(cli.configFile()), "nothing saved");
  }

  @Test
  void withoutATokenAndWithoutGitHubSignInItSaysHowToProvideOne() {
    CliRunner cli = new CliRunner(home);
    CliRunner.Result result = cli.run("login", "--coordinator", coordinator.url());

    assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
    assertTrue(result.err().contains("does not offer GitHub sign-in"), result.err());
    assertTrue(result.err().contains("crabbox login --token T (or set CRABBOX_TOKEN)"), result.err());
    assertTrue(Files.notExists(cli.configFile()), "nothing saved");
  }
}
