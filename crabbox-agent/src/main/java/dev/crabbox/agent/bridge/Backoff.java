package dev.crabbox.agent.bridge;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: the minimum, doubling per failed attempt up to the maximum, each with jitter
 * (a random point in the upper half of the step) so a fleet of agents does not reconnect in step.
 */
final class Backoff {

  private final long minMs;
  private final long maxMs;
  private final RandomGenerator random;
  private int attempts;

  Backoff(Duration min, Duration max, RandomGenerator random) {
    this.minMs = min.toMillis();
    this.maxMs = max.toMillis();
    this.random = random;
  }

  /** The delay before the next attempt; each call doubles the step until the maximum. */
  Duration next() {
    long step = minMs;
    for (int i = 0; i < attempts && step < maxMs; i++) {
      step *= 2;
    }
    step = Math.min(step, maxMs);
    attempts++;
    long half = step / 2;
    return Duration.ofMillis(Math.max(1, half + (half == 0 ? 0 : random.nextLong(step - half + 1))));
  }

  /** After a successful connection the next failure starts from the minimum again. */
  void reset() {
    attempts = 0;
  }
}
