package dev.crabbox.cli.egress.start;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusals of {@code egress start} that come before any network traffic: the coordinator below
 * is a closed port, so reaching it would end in exit 3 instead.
 */
class EgressStartRefusalsTest {
  private static final String NOWHERE = "http://127.0.0.1:1";

  @TempDir
  Path home;

  private CliRunner cli() {
    return new CliRunner(home).env("CRABBOX_COORDINATOR", NOWHERE).env("CRABBOX_TOKEN", "t");
  }

  @Test
  void withoutAnAllowlistItRefusesToStartAnOpenProxy() {
    CliRunner.Result result = cli().run("egress", "start", "--id", "blue-lobster");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: egress start requires --profile or --allow; refusing to start an open proxy\n",
        result.err());
  }

  @Test
  void otherTargetsAreSentToTheLowLevelCommands() {
    CliRunner.Result result = cli().run("egress", "start", "--id", "blue-lobster", "--profile", "discord",
        "--target", "windows");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: egress start supports Linux lease targets only (this one is windows): it installs "
        + "and runs a Linux helper over POSIX shell. Set up the pieces yourself with `crabbox egress client` on "
        + "the lease and `crabbox egress host` here\n", result.err());
  }

  @Test
  void aNonLoopbackListenAddressIsRefused() {
    CliRunner.Result result = cli().run("egress", "start", "--id", "blue-lobster", "--profile", "discord",
        "--listen", "0.0.0.0:3128");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
  }

  @Test
  void anUnknownNetworkIsAUsageError() {
    CliRunner.Result result = cli().run("egress", "start", "--id", "blue-lobster", "--profile", "discord",
        "--network", "carrier-pigeon");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --network must be auto, tailscale or public, got \"carrier-pigeon\"\n", result.err());
  }

  @Test
  void coordinatorAccessHeadersAreNeverPushedOntoALease() throws Exception {
    CliRunner runner = new CliRunner(home);
    Files.createDirectories(runner.configFile().getParent());
    Files.writeString(runner.configFile(), "coordinator: " + NOWHERE + "\ntoken: t\ncoordinatorHeaders:\n"
        + "  CF-Access-Client-Id: id.access\n  CF-Access-Client-Secret: s3cret\n");

    CliRunner.Result result = runner.run("egress", "start", "--id", "blue-lobster", "--profile", "discord");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: egress start does not push coordinator access credentials onto a lease: "
        + runner.configFile() + " sets coordinatorHeaders (CF-Access-Client-Id, CF-Access-Client-Secret). "
        + "Pass --coordinator <url> with a route the lease can reach without them, or run `crabbox egress "
        + "client` and `crabbox egress host` yourself with a credential plan that is safe for the lease\n",
        result.err());
  }

  @Test
  void withAnExplicitCoordinatorTheHeadersStayHereAndStartGoesOn() throws Exception {
    CliRunner runner = new CliRunner(home);
    Files.createDirectories(runner.configFile().getParent());
    Files.writeString(runner.configFile(), "token: t\ncoordinatorHeaders:\n  CF-Access-Client-Id: id.access\n");

    CliRunner.Result result = runner.run("egress", "start", "--id", "blue-lobster", "--profile", "discord",
        "--coordinator", NOWHERE);

    assertEquals(ExitCodes.COORDINATOR, result.exitCode(), result.err());
  }
}
