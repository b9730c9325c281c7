package dev.crabbox.cli.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.TestCoordinator;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressStatusCommandTest {
  @TempDir
  Path home;

  private TestCoordinator coordinator;
  private CliRunner cli;

  @BeforeEach
  void start() {
    coordinator = new TestCoordinator(home.resolve("coordinator-data"));
    cli = coordinator.cli(home);
  }

  @AfterEach
  void stop() {
    coordinator.close();
  }

  @Test
  void leaseWithoutSessionPrintsDashes() {
    JsonObject lease = coordinator.createLease();

    CliRunner.Result result = cli.run("egress", "status", "--id", lease.getString("slug"));

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals("egress: lease=" + lease.getString("id") + " session=- profile=- host=false client=false allow=-"
        + System.lineSeparator(), result.out());
    assertEquals("", result.err());
  }

  @Test
  void mintedHostTicketShowsItsProfileAndAllowInStatus() {
    JsonObject lease = coordinator.createLease();
    coordinator.mintHostTicket(lease.getString("id"), "discord", java.util.List.of("example.com"));

    CliRunner.Result result = cli.run("egress", "status", lease.getString("id"));

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertTrue(result.out().matches("egress: lease=" + lease.getString("id")
        + " session=egress_\\S+ profile=discord host=false client=false allow=example.com\\R"), result.out());
  }

  @Test
  void unknownLeaseIsFatal() {
    CliRunner.Result result = cli.run("egress", "status", "no-such-lease");

    assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("crabbox: coordinator refused: "), result.err());
    assertTrue(result.err().contains("(HTTP 404 lease_not_found)"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void explicitProviderIsNotedOnStderr() {
    JsonObject lease = coordinator.createLease();

    CliRunner.Result result = cli.run("egress", "status", lease.getString("slug"), "--provider", "aws");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals("crabbox: provider aws: lease " + lease.getString("slug") + " is resolved through the coordinator "
        + coordinator.url() + System.lineSeparator(), result.err());
  }
}
