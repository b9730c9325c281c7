package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the host bridge running: starts it as a child process, restarts it {@link #RESTART_DELAY}
 * after a non-fatal exit, and gives up when it exits fatally ({@link ExitCodes#FATAL}: lease
 * forbidden, gone or ended, session replaced), since restarting cannot fix that. {@link #stop()}
 * ends the child and the loop.
 */
final class Supervisor {
  /** How long after a non-fatal exit the bridge is started again. */
  static final Duration RESTART_DELAY = Duration.ofSeconds(1);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final List<String> child;
  private final PrintWriter log;
  private final Object lock = new Object();
  private Process running;
  private boolean stopping;

  /**
   * @param child the bridge's command line
   * @param log where the supervisor notes starts and exits (the child writes to the same place)
   */
  Supervisor(List<String> child, PrintWriter log) {
    this.child = List.copyOf(child);
    this.log = log;
  }

  /** Runs until {@link #stop()} (exit 0) or a fatal exit of the bridge (exit 4). */
  int run() throws IOException, InterruptedException {
    while (true) {
      Process process;
      synchronized (lock) {
        if (stopping) {
          return ExitCodes.OK;
        }
        process = new ProcessBuilder(child).redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        running = process;
      }
      note("egress daemon: host bridge started (pid " + process.pid() + ")");
      int exit = process.waitFor();
      synchronized (lock) {
        running = null;
        if (stopping) {
          note("egress daemon: stopped");
          return ExitCodes.OK;
        }
        if (exit == ExitCodes.FATAL) {
          note("egress daemon: host bridge exited with " + exit + " (fatal); not restarting");
          return ExitCodes.FATAL;
        }
        note("egress daemon: host bridge exited with " + exit + "; restarting in "
            + RESTART_DELAY.toMillis() + " ms");
        // Woken early by stop().
        lock.wait(RESTART_DELAY.toMillis());
      }
    }
  }

  /** Ends the running bridge (SIGTERM, then SIGKILL after a grace period) and the loop. */
  void stop() {
    Process process;
    synchronized (lock) {
      stopping = true;
      process = running;
      lock.notifyAll();
    }
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void note(String line) {
    log.println(line);
    log.flush();
  }
}
