package dev.crabbox.cli.work;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a managed provider (hetzner here, its machine a MINA host) warmup waits for the bootstrap's
 * ready marker. The host's profile points the marker check at a file of the test, so the test
 * decides when the "bootstrap" is done.
 */
@Timeout(120)
class BootstrapWaitTest {
  @TempDir
  Path dir;

  private WorkflowRig rig;

  @AfterEach
  void stop() {
    rig.close();
  }

  private void startRig(Path marker) {
    rig = new WorkflowRig(dir, "test() { if [ \"$2\" = " + SshSteps.READY_MARKER + " ]; then [ -e " + marker
        + " ]; else command test \"$@\"; fi; }; ");
  }

  @Test
  void warmupWaitsForTheReadyMarker() throws Exception {
    Path marker = dir.resolve("ready");
    startRig(marker);
    CliRunner runner = rig.cli();
    CompletableFuture<CliRunner.Result> warming = CompletableFuture.supplyAsync(() -> runner.run("warmup",
        "--provider", "hetzner", "--poll-interval", "100ms"));
    await().atMost(Duration.ofSeconds(30)).until(() -> runner.err().contains("waiting for the lease's bootstrap"));
    assertTrue(!warming.isDone(), "warmup finished before the bootstrap did");
    Files.createFile(marker);
    CliRunner.Result result = warming.get(60, TimeUnit.SECONDS);
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertTrue(result.err().contains("is ready"), result.err());
  }

  @Test
  void aBootstrapThatNeverFinishesFailsTheWarmupAndReleasesTheLease() {
    startRig(dir.resolve("never"));
    CliRunner.Result result = rig.cli().run("warmup", "--provider", "hetzner", "--poll-interval", "100ms",
        "--timeout", "2s");
    assertEquals(ExitCodes.FATAL, result.exitCode());
    assertTrue(result.err().contains("the lease's bootstrap did not finish in time: " + SshSteps.READY_MARKER
        + " is still missing"), result.err());
    assertTrue(result.err().contains("because it did not become ready"), result.err());
    List<String> states = rig.client().listLeases().await().stream().map(l -> l.getString("state")).toList();
    assertEquals(List.of("released"), states);
  }
}
