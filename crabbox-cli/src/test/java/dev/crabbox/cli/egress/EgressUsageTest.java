package dev.crabbox.cli.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors exit 2 with one exact line on stderr and nothing on stdout, before any network
 * call: the coordinator configured here is a closed port, so reaching it would fail differently.
 */
class EgressUsageTest {
  @TempDir
  Path home;

  private CliRunner cli;

  @BeforeEach
  void configure() {
    cli = new CliRunner(home)
        .env("CRABBOX_COORDINATOR", "http://127.0.0.1:9")
        .env("CRABBOX_TOKEN", "not-a-real-token");
  }

  private void assertUsageError(CliRunner.Result result, String message) {
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
    assertEquals("", result.out());
    assertEquals("crabbox: " + message + System.lineSeparator(), result.err());
  }

  @Test
  void hostWithoutAllowlistRefusesToStartAnOpenProxy() {
    assertUsageError(cli.run("egress", "host", "--id", "blue-lobster"),
        "egress host requires --profile or --allow; refusing to start an open proxy");
  }

  @Test
  void hostWithOnlyEmptyAllowEntriesIsStillAnOpenProxy() {
    assertUsageError(cli.run("egress", "host", "blue-lobster", "--allow", ",*, "),
        "egress host requires --profile or --allow; refusing to start an open proxy");
  }

  @Test
  void openProxyRefusalComesBeforeMissingSettings() {
    CliRunner bare = new CliRunner(home);
    assertUsageError(bare.run("egress", "host", "blue-lobster"),
        "egress host requires --profile or --allow; refusing to start an open proxy");
  }

  @Test
  void unknownProfileNamesTheKnownOnes() {
    assertUsageError(cli.run("egress", "host", "blue-lobster", "--profile", "teams"),
        "unknown egress profile \"teams\"; known profiles: discord, slack");
  }

  @Test
  void allowEntryWithAPortIsRefused() {
    assertUsageError(cli.run("egress", "host", "blue-lobster", "--allow", "example.com,example.org:443"),
        "allow entry \"example.org:443\" has a port; egress allowlists match host names only (no port rules)");
  }

  @Test
  void listenOutsideLoopbackIsRefused() {
    assertUsageError(cli.run("egress", "client", "blue-lobster", "--listen", "0.0.0.0:3128"),
        "--listen 0.0.0.0:3128 refused: the lease proxy listens on loopback only (127.0.0.1, [::1] or localhost)");
  }

  @Test
  void bareListenPortIsRefused() {
    CliRunner.Result result = cli.run("egress", "client", "blue-lobster", "--listen", ":3128");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("crabbox: --listen :3128 refused: "), result.err());
  }

  @Test
  void leaseGivenBothWaysIsRefused() {
    assertUsageError(cli.run("egress", "status", "--id", "blue-lobster", "blue-lobster"),
        "give the lease once: --id blue-lobster or the argument blue-lobster, not both");
  }

  @Test
  void leaseMissingIsRefused() {
    assertUsageError(cli.run("egress", "client"),
        "a lease is required: pass --id <lease-id-or-slug> or the lease as an argument");
  }

  @Test
  void leaseMissingOnHostIsRefusedBeforeTheAllowlist() {
    assertUsageError(cli.run("egress", "host", "--profile", "discord"),
        "a lease is required: pass --id <lease-id-or-slug> or the lease as an argument");
  }

  @Test
  void unknownProviderNamesTheKnownOnes() {
    assertUsageError(cli.run("egress", "status", "blue-lobster", "--provider", "gcp"),
        "unknown provider \"gcp\" (from --provider); known providers: hetzner, aws, static, local, "
            + "blacksmith-testbox");
  }

  @Test
  void unknownProviderFromTheEnvironmentSaysWhereItCameFrom() {
    cli.env("CRABBOX_PROVIDER", "gcp");
    assertUsageError(cli.run("egress", "status", "blue-lobster"),
        "unknown provider \"gcp\" (from CRABBOX_PROVIDER); known providers: hetzner, aws, static, local, "
            + "blacksmith-testbox");
  }

  @Test
  void invalidSessionIdIsRefused() {
    CliRunner.Result result = cli.run("egress", "client", "blue-lobster", "--session", "bad session");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("crabbox: --session \"bad session\" is not an egress session id"),
        result.err());
  }

  @Test
  void unknownWireVersionIsAUsageError() {
    CliRunner.Result result = cli.run("egress", "client", "blue-lobster", "--wire", "v3");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().contains("--wire"), result.err());
  }

  @Test
  void missingCoordinatorSaysHowToFixIt() {
    CliRunner bare = new CliRunner(home);
    assertUsageError(bare.run("egress", "status", "blue-lobster"),
        "no coordinator configured; run `crabbox login --coordinator URL --token T`, set CRABBOX_COORDINATOR, "
            + "or pass --coordinator URL");
  }

  @Test
  void missingTokenSaysHowToFixIt() {
    CliRunner noToken = new CliRunner(home).env("CRABBOX_COORDINATOR", "http://127.0.0.1:9");
    assertUsageError(noToken.run("egress", "host", "blue-lobster", "--profile", "slack"),
        "no token configured; run `crabbox login --coordinator URL --token T` or set CRABBOX_TOKEN");
  }

  @Test
  void coordinatorUrlWithAnotherSchemeIsRefused() {
    assertUsageError(cli.run("egress", "status", "blue-lobster", "--coordinator", "ftp://example.com"),
        "coordinator URL \"ftp://example.com\" (from --coordinator) is not usable: use an http://, https://, "
            + "ws:// or wss:// URL");
  }

  @Test
  void missingCaFileIsRefused() {
    CliRunner.Result result = cli.run("egress", "status", "blue-lobster", "--ca", home.resolve("nope.pem").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().contains("nope.pem (from --ca) does not exist"), result.err());
  }

  @Test
  void unreachableCoordinatorExitsThree() {
    CliRunner.Result result = cli.run("egress", "status", "blue-lobster");

    assertEquals(ExitCodes.COORDINATOR, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("crabbox: cannot reach the coordinator: "), result.err());
    assertEquals("", result.out());
  }
}
