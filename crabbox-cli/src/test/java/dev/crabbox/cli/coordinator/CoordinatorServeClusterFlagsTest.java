package dev.crabbox.cli.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coordinator serve --cluster ...}: the mistakes caught before anything starts. */
class CoordinatorServeClusterFlagsTest {
  private static final String NL = System.lineSeparator();
  private static final String PG = "postgresql://crab@127.0.0.1:5432/crabbox";

  @TempDir
  Path home;

  private CliRunner.Result serve(String... args) {
    String[] all = new String[args.length + 6];
    all[0] = "coordinator";
    all[1] = "serve";
    all[2] = "--port";
    all[3] = "0";
    all[4] = "--data";
    all[5] = home.resolve("data").toString();
    System.arraycopy(args, 0, all, 6, args.length);
    return new CliRunner(home).run(all);
  }

  @Test
  void aClusterNeedsThePostgresStore() {
    CliRunner.Result result = serve("--cluster");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --cluster needs --store postgres --pg-url ...: the nodes share their "
        + "leases, runs and credentials through PostgreSQL" + NL, result.err());
  }

  @Test
  void clusterFlagsWithoutClusterAreAUsageError() {
    CliRunner.Result result = serve("--cluster-members", "10.0.0.1:5701");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --cluster-host, --cluster-port and --cluster-members need --cluster" + NL,
        result.err());
  }

  @Test
  void aMemberWithoutAPortIsAUsageError() {
    CliRunner.Result result = serve("--store", "postgres", "--pg-url", PG, "--cluster",
        "--cluster-members", "10.0.0.1:5701, 10.0.0.2");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --cluster-members: '10.0.0.2' is not host:port" + NL, result.err());
  }

  @Test
  void aWildcardClusterHostIsAUsageError() {
    CliRunner.Result result = serve("--store", "postgres", "--pg-url", PG, "--cluster",
        "--cluster-host", "0.0.0.0");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --cluster-host must be an address the other nodes can reach, not "
        + "'0.0.0.0'" + NL, result.err());
  }

  @Test
  void aClusterPortOutOfRangeIsAUsageError() {
    CliRunner.Result result = serve("--store", "postgres", "--pg-url", PG, "--cluster",
        "--cluster-port", "70000");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --cluster-port must be 1..65535, got 70000" + NL, result.err());
  }
}
