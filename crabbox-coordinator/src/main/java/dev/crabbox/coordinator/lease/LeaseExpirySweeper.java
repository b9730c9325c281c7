package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodically marks leases past their expiry as expired (which tears down their egress) and
 * deletes spent credentials. Time comes from the injected clock, so tests move it instead of
 * waiting. One sweep at a time.
 */
public final class LeaseExpirySweeper {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseExpirySweeper.class);
  /** Spent tickets and resume secrets are kept this long for forensics, then deleted. */
  private static final Duration CREDENTIAL_RETENTION = Duration.ofHours(1);

  private final Vertx vertx;
  private final CoordinatorStore store;
  private final LeaseService leases;
  private final Clock clock;
  private final Duration interval;
  private long timerId = -1;
  /** The current or last sweep. */
  private Future<Integer> sweep = Future.succeededFuture(0);

  public LeaseExpirySweeper(Vertx vertx, CoordinatorStore store, LeaseService leases, Clock clock,
      Duration interval) {
    this.vertx = vertx;
    this.store = store;
    this.leases = leases;
    this.clock = clock;
    this.interval = interval;
  }

  /** Starts sweeping on the caller's context. */
  public void start() {
    timerId = vertx.setPeriodic(interval.toMillis(), id -> sweepOnce());
  }

  /**
   * Stops the timer; completes when a sweep still running has finished, since it still uses the
   * store (the coordinator closes the store only then).
   */
  public Future<Void> stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    return sweep.transform(done -> Future.succeededFuture());
  }

  /** One sweep; returns the number of leases it expired. */
  public Future<Integer> sweepOnce() {
    if (!sweep.isComplete()) {
      return Future.succeededFuture(0);
    }
    Instant now = clock.instant();
    sweep = store.leasesDueForExpiry(now)
        .compose(due -> expireAll(due, now))
        .compose(expired -> store.pruneCredentials(now.minus(CREDENTIAL_RETENTION)).map(expired))
        .onFailure(failure -> LOG.warn("lease sweep failed: {}", failure.toString()));
    return sweep;
  }

  private Future<Integer> expireAll(List<LeaseRecord> due, Instant now) {
    List<Future<Boolean>> ends = new ArrayList<>(due.size());
    for (LeaseRecord lease : due) {
      ends.add(leases.end(lease, LeaseState.EXPIRED, now));
    }
    return Future.all(ends).map(all -> (int) ends.stream().filter(Future::result).count());
  }
}
