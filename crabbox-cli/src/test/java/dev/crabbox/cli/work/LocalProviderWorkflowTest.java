package dev.crabbox.cli.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.TestCoordinator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop on the coordinator's built-in {@code local} provider: warmup → run → ssh → status → stop. */
@Timeout(120)
class LocalProviderWorkflowTest {
  @TempDir
  Path dir;

  @Test
  void warmupRunSshStatusStopOnALocalLease() {
    try (TestCoordinator coordinator = new TestCoordinator(dir.resolve("data"))) {
      Path home = dir.resolve("home");
      CliRunner.Result warm = coordinator.cli(home).run("warmup", "--poll-interval", "100ms");
      assertEquals(ExitCodes.OK, warm.exitCode(), warm.err());
      String[] lease = warm.out().trim().split(" ");

      CliRunner.Result run = coordinator.cli(home).run("run", "--id", lease[1], "--",
          "echo \"in $(basename \"$PWD\")\"; echo oops >&2; exit 5");
      assertEquals(5, run.exitCode(), run.err());
      assertTrue(run.out().startsWith("in "), run.out());
      assertTrue(run.err().contains("oops"), run.err());

      CliRunner.Result ssh = coordinator.cli(home).run("ssh", "--id", lease[0], "--", "exit 9");
      assertEquals(9, ssh.exitCode(), ssh.err());

      CliRunner.Result status = coordinator.cli(home).run("status", "--json", lease[0]);
      assertEquals(ExitCodes.OK, status.exitCode(), status.err());
      assertTrue(status.out().contains("\"provider\" : \"local\""), status.out());

      CliRunner.Result stop = coordinator.cli(home).run("stop", lease[0]);
      assertEquals(ExitCodes.OK, stop.exitCode(), stop.err());
      CliRunner.Result after = coordinator.cli(home).run("ssh", "--id", lease[0], "--", "true");
      assertEquals(ExitCodes.FATAL, after.exitCode());
    }
  }
}
