package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.error.FatalSetupException;
import java.time.Duration;

/**
 * The pause between two checks of a condition the CLI waits for on its own command thread
 * (never an event loop): a lease listener, a daemon's pid file, a bridge's status.
 */
final class Polling {
  private Polling() {
  }

  static void pause(Duration interval) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FatalSetupException("interrupted while waiting", e);
    }
  }
}
