package dev.crabbox.cli.egress.start;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's restart rules, with a shell script standing in for the host bridge. */
@Timeout(60)
class SupervisorTest {
  @TempDir
  Path dir;

  @Test
  void restartsAfterANonFatalExitAndGivesUpOnAFatalOne() throws Exception {
    Path runs = dir.resolve("runs");
    // First run exits 3 (non-fatal), the second 4 (fatal).
    String script = "echo run >> " + runs + "; [ $(wc -l < " + runs + ") -ge 2 ] && exit 4; exit 3";
    StringWriter log = new StringWriter();

    int exit = new Supervisor(List.of("sh", "-c", script), new PrintWriter(log)).run();

    assertEquals(ExitCodes.FATAL, exit);
    assertEquals(2, Files.readAllLines(runs).size());
    assertTrue(log.toString().contains("host bridge exited with 3; restarting in 1000 ms"), log.toString());
    assertTrue(log.toString().contains("host bridge exited with 4 (fatal); not restarting"), log.toString());
  }

  @Test
  void stopEndsTheRunningBridgeAndTheLoop() throws Exception {
    Path started = dir.resolve("started");
    Supervisor supervisor = new Supervisor(List.of("sh", "-c", "touch " + started + "; exec sleep 600"),
        new PrintWriter(new StringWriter()));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
      try {
        return supervisor.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await().until(() -> Files.exists(started));

    supervisor.stop();

    assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
  }
}
