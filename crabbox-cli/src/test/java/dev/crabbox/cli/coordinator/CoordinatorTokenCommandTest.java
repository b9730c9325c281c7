package dev.crabbox.cli.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.JwtTokenVerifier;
import dev.crabbox.coordinator.auth.Role;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens printed by the CLI verify with the coordinator's own verifier and key files. */
class CoordinatorTokenCommandTest {
  @TempDir
  Path home;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private Caller verify(Path data, String token) {
    CoordinatorKeys keys = CoordinatorKeys.loadOrCreate(data, Clock.systemUTC());
    return new JwtTokenVerifier(vertx, keys).verify(token).await();
  }

  @Test
  void tokenIsPrintedBareAndVerifiesWithTheDataDirKey() {
    Path data = home.resolve("data");
    CliRunner.Result result = new CliRunner(home)
        .run("coordinator", "token", "--data", data.toString(), "--owner", "alice", "--org", "acme");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    String token = result.out().strip();
    assertEquals(token + System.lineSeparator(), result.out(), "only the token on stdout");
    assertEquals(new Caller("alice", "acme", Role.USER), verify(data, token));
    assertTrue(result.err().startsWith("crabbox: created a new signing key and admin token in " + data),
        "a fresh data directory is pointed out: " + result.err());
  }

  @Test
  void adminRoleCanBeMinted() {
    Path data = home.resolve("data");
    CliRunner.Result result = new CliRunner(home)
        .run("coordinator", "token", "--data", data.toString(), "--owner", "ops", "--role", "ADMIN");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(new Caller("ops", "", Role.ADMIN), verify(data, result.out().strip()));
  }

  @Test
  void printTokenShowsTheAdminTokenAndExits() throws Exception {
    Path data = home.resolve("data");
    CliRunner cli = new CliRunner(home);

    CliRunner.Result first = cli.run("coordinator", "serve", "--data", data.toString(), "--print-token");

    assertEquals(ExitCodes.OK, first.exitCode(), first.err());
    String token = first.out().strip();
    assertEquals(new Caller("admin", "", Role.ADMIN), verify(data, token));
    assertEquals(token, Files.readString(data.resolve(CoordinatorKeys.ADMIN_TOKEN_FILE)).strip());
    CliRunner.Result again = new CliRunner(home)
        .run("coordinator", "serve", "--data", data.toString(), "--print-token");
    assertEquals(first.out(), again.out(), "the admin token is stable across runs");
    assertEquals("", again.err(), "existing keys are used quietly");
  }

  @Test
  void unknownRoleIsAUsageError() {
    CliRunner.Result result = new CliRunner(home)
        .run("coordinator", "token", "--data", home.resolve("d").toString(), "--owner", "a", "--role", "root");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --role must be user or admin, got \"root\"" + System.lineSeparator(), result.err());
    assertTrue(Files.notExists(home.resolve("d")), "nothing is created for a usage error");
  }

  @Test
  void ownerIsRequired() {
    CliRunner.Result result = new CliRunner(home).run("coordinator", "token", "--data", home.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("crabbox: Missing required option: '--owner=<owner>'"), result.err());
  }
}
