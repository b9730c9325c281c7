package dev.crabbox.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFrom250msTo10sWithJitterInTheUpperHalf() {
    Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), new SplittableRandom(7));
    long[] steps = {250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000};
    for (long step : steps) {
      long delay = backoff.next().toMillis();
      assertTrue(delay >= step / 2 && delay <= step, "delay " + delay + " outside [" + step / 2 + ", " + step + "]");
    }
  }

  @Test
  void resetStartsOverAtTheMinimum() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new SplittableRandom(1));
    for (int i = 0; i < 6; i++) {
      backoff.next();
    }
    backoff.reset();
    assertTrue(backoff.next().toMillis() <= 100);
  }

  @Test
  void neverAnswersZero() {
    Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), new SplittableRandom(3));
    assertEquals(1, backoff.next().toMillis());
  }
}
