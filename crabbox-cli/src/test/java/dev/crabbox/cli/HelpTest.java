package dev.crabbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelpTest {
  @TempDir
  Path home;

  @ParameterizedTest(name = "{0} --help")
  @CsvSource(delimiter = '|', value = {
      "''|Lease Linux boxes from a crabbox coordinator",
      "login|Sign in to a coordinator and save its URL and bearer token",
      "list|List the leases you can see on the coordinator",
      "status|Show one lease (by id or slug)",
      "stop|Stop (release) a lease by id or slug",
      "egress|crabbox egress bridges lease-local browser or app traffic through the machine running the egress host agent.",
      "egress host|Run only the local egress host bridge",
      "egress client|Run only the lease-side proxy bridge",
      "egress status|Show coordinator bridge status",
      "egress start|Start a remote lease proxy and local host bridge",
      "egress stop|Stop the local host daemon and remote lease client",
      "vnc|Tunnel the lease's loopback VNC server to this machine over SSH",
      "desktop launch|Launch the lease browser (or open a URL) on its desktop",
      "coordinator|Run a crabbox coordinator and mint its bearer tokens.",
      "coordinator serve|Run a coordinator (HTTP API, egress bridges and portal)",
      "coordinator token|Mint a bearer token with the coordinator's signing key"})
  void everyCommandHasHelpWithItsSummary(String command, String summary) {
    String[] words = command.isEmpty() ? new String[0] : command.split(" ");
    String[] args = new String[words.length + 1];
    System.arraycopy(words, 0, args, 0, words.length);
    args[words.length] = "--help";

    CliRunner.Result result = new CliRunner(home).run(args);

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("Usage: crabbox" + (command.isEmpty() ? "" : " " + command)), result.out());
    // Help wraps long descriptions: compare with whitespace collapsed.
    assertTrue(result.out().replaceAll("\\s+", " ").contains(summary), result.out());
    assertEquals("", result.err());
  }

  @Test
  void egressGroupListsItsSubcommandsWithSpecSummaries() {
    String out = new CliRunner(home).run("egress", "--help").out();

    assertTrue(out.contains("host    Run only the local egress host bridge"), out);
    assertTrue(out.contains("client  Run only the lease-side proxy bridge"), out);
    assertTrue(out.contains("status  Show coordinator bridge status"), out);
    assertTrue(out.contains("start   Start a remote lease proxy and local host bridge"), out);
    assertTrue(out.contains("stop    Stop the local host daemon and remote lease client"), out);
    assertTrue(!out.contains("supervise"), "the daemon's own command stays hidden: " + out);
  }

  @Test
  void versionNamesCrabboxAndTheJvm() {
    CliRunner.Result result = new CliRunner(home).run("--version");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().startsWith("crabbox "), result.out());
    assertTrue(result.out().contains("JVM: " + System.getProperty("java.version")), result.out());
  }

  @Test
  void subcommandsAnswerVersionToo() {
    CliRunner.Result result = new CliRunner(home).run("egress", "host", "--version");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().startsWith("crabbox "), result.out());
  }

  @Test
  void verboseIsAcceptedOnSubcommands() {
    CliRunner.Result result = new CliRunner(home).run("egress", "status", "-v", "--help");

    assertEquals(0, result.exitCode(), result.err());
  }

  @Test
  void noSubcommandIsAUsageErrorOnOneLine() {
    CliRunner.Result result = new CliRunner(home).run("egress");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("crabbox: "), result.err());
    assertTrue(result.err().contains("(see 'crabbox egress --help')"), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRunner.Result result = new CliRunner(home).run("egress", "status", "--id", "x", "--bogus");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("crabbox: Unknown option: '--bogus'"), result.err());
  }
}
