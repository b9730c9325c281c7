package dev.crabbox.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Running another program: output, exit code, withheld variables, the time limit. */
class ExternalCommandTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @Test
  void capturesBothStreamsAndTheExitCode() throws Exception {
    ExternalCommand.Finished finished = ExternalCommand.run(
        List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 7"), Set.of(), LIMIT);

    assertEquals(new ExternalCommand.Finished(7, "out\n", "err\n"), finished);
  }

  @Test
  void withheldVariablesDoNotReachTheProgram() throws Exception {
    String home = System.getenv("HOME");
    assertTrue(home != null && System.getenv("PATH") != null, "the test JVM has HOME and PATH");

    String env = ExternalCommand.run(List.of("/usr/bin/env"), Set.of("HOME"), LIMIT).stdout();

    assertFalse(env.lines().anyMatch(line -> line.startsWith("HOME=")), env);
    assertTrue(env.lines().anyMatch(line -> line.startsWith("PATH=")), env);
  }

  @Test
  void aProgramPastItsLimitIsKilled() {
    assertThrows(ExternalCommand.TimedOut.class, () ->
        ExternalCommand.run(List.of("/bin/sh", "-c", "exec sleep 600"), Set.of(), Duration.ofMillis(200)));
  }

  @Test
  void stdinIsClosed() throws Exception {
    assertEquals("", ExternalCommand.run(List.of("/bin/cat"), Set.of(), LIMIT).stdout());
  }
}
