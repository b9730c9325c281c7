package dev.crabbox.coordinator.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand: lease and ticket expiry without waiting. */
public final class MutableClock extends Clock {

  /** Fixed start, in the past so that tokens' iat is never in the verifier's future. */
  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);

  public void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
