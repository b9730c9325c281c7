package dev.crabbox.cli.work;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Progress on stderr while waiting: one line when the step changes, then a reminder every
 * {@link #REPEAT} while it lasts, each with the time spent so far ({@code provisioning lease … (12s)}).
 */
final class ProgressLine {
  static final Duration REPEAT = Duration.ofSeconds(10);

  private final PrintWriter err;
  private final Instant start = Instant.now();
  private String lastStep;
  private Instant lastPrinted = Instant.MIN;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  /** Reports {@code step}; prints only when it changed or {@link #REPEAT} passed. */
  synchronized void step(String step) {
    Instant now = Instant.now();
    if (Objects.equals(step, lastStep) && Duration.between(lastPrinted, now).compareTo(REPEAT) < 0) {
      return;
    }
    lastStep = step;
    lastPrinted = now;
    err.println(step + " (" + Duration.between(start, now).toSeconds() + "s)");
    err.flush();
  }

  /** A final line, always printed. */
  synchronized void done(String line) {
    err.println(line);
    err.flush();
  }
}
