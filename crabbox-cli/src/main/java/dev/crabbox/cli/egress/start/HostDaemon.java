package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.error.FatalSetupException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and stops a lease's host daemon: a detached {@code crabbox egress supervise} process
 * that writes to the lease's log file in the state directory ({@link DaemonFiles}).
 */
final class HostDaemon {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int LOG_LINES = 15;

  private HostDaemon() {
  }

  /**
   * Starts the supervisor for {@code hostArgs} and waits until it holds the lock and has written
   * its pid file; a supervisor that exits first fails with the end of its log.
   */
  static ProcessHandle start(CliEnvironment environment, DaemonFiles files, List<String> hostArgs)
      throws IOException {
    files.create();
    List<String> args = new ArrayList<>(List.of("egress", EgressSuperviseCommand.NAME, "--lease", files.lease(), "--"));
    args.addAll(hostArgs);
    ProcessBuilder builder = new ProcessBuilder(CrabboxProcess.detachedCommand(args))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
        .redirectErrorStream(true);
    CrabboxProcess.environment(builder, environment);
    Process process = builder.start();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (true) {
      Optional<ProcessHandle> running = files.runningSupervisor();
      if (running.isPresent() && running.get().pid() == process.pid()) {
        return running.get();
      }
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        String state = process.isAlive() ? "did not start in time" : "exited with " + process.exitValue();
        throw new FatalSetupException("the egress host daemon " + state + "; " + files.log() + " ends with:\n"
            + files.logTail(LOG_LINES));
      }
      Polling.pause(POLL);
    }
  }

  /** Stops the lease's supervisor (and so its bridge), if one runs; its pid, or empty. */
  static OptionalLong stop(DaemonFiles files) {
    Optional<ProcessHandle> running = files.runningSupervisor();
    if (running.isEmpty()) {
      return OptionalLong.empty();
    }
    ProcessHandle supervisor = running.get();
    supervisor.destroy();
    try {
      supervisor.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException slow) {
      supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
      supervisor.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OptionalLong.of(supervisor.pid());
  }
}
