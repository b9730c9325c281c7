package dev.crabbox.coordinator.lease;

import dev.crabbox.protocol.time.DurationText;
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
 * Periodically marks leases past their expiry as expired (which tears down their egress and
 * starts their cleanup), fails leases stuck provisioning past the provisioning timeout, retries
 * pending provider cleanups and deletes spent credentials. Time comes from the injected clock, so tests move it instead of
 * waiting. One sweep at a time.
 */
public final class LeaseExpirySweeper {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseExpirySweeper.class);
  /** Spent tickets and resume secrets are kept this long for forensics, then deleted. */
  private static final Duration CREDENTIAL_RETENTION = Duration.ofHours(1);
  /** The lock a sweep holds. */
  public static final String LOCK = "crabbox.lease.sweep";

  private final Vertx vertx;
  private final CoordinatorStore store;
  private final LeaseService leases;
  private final Clock clock;
  private final Duration interval;
  private final LeaseProvisioner provisioner;
  private final Duration provisionTimeout;
  private final WorkLocks locks;
  private long timerId = -1;
  /** The current or last sweep. */
  private Future<Integer> sweep = Future.succeededFuture(0);

  public LeaseExpirySweeper(Vertx vertx, CoordinatorStore store, LeaseService leases,
      LeaseProvisioner provisioner, Clock clock, Duration interval, Duration provisionTimeout) {
    this(vertx, store, leases, provisioner, clock, interval, provisionTimeout, WorkLocks.NONE);
  }

  /**
   * Sweeps only while holding the {@link #LOCK} of {@code locks}: with a cluster's locks one node
   * sweeps at a time, so a lease expires (and is cleaned up) once however many nodes run.
   */
  public LeaseExpirySweeper(Vertx vertx, CoordinatorStore store, LeaseService leases,
      LeaseProvisioner provisioner, Clock clock, Duration interval, Duration provisionTimeout,
      WorkLocks locks) {
    this.locks = locks;
    this.provisioner = provisioner;
    this.provisionTimeout = provisionTimeout;
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
    sweep = locks.ifFree(LOCK, this::sweepLocked)
        .map(expired -> expired.orElse(0))
        .onFailure(failure -> LOG.warn("lease sweep failed: {}", failure.toString()));
    return sweep;
  }

  private Future<Integer> sweepLocked() {
    Instant now = clock.instant();
    return store.leasesDueForExpiry(now)
        .compose(due -> expireAll(due, now))
        .compose(expired -> failStuckProvisioning(now).map(expired))
        .compose(expired -> provisioner.cleanUpPending().map(expired))
        .compose(expired -> store.pruneCredentials(now.minus(CREDENTIAL_RETENTION)).map(expired));
  }

  private Future<Void> failStuckProvisioning(Instant now) {
    return store.leasesInState(LeaseState.PROVISIONING).compose(leases -> {
      List<Future<Boolean>> fails = new ArrayList<>();
      for (LeaseRecord lease : leases) {
        if (!now.isBefore(lease.createdAt().plus(provisionTimeout))) {
          fails.add(store.failLease(lease.id(), lease.provider() + ": provisioning did not finish "
              + "within " + DurationText.format(provisionTimeout), now));
        }
      }
      return Future.all(fails).mapEmpty();
    });
  }

  private Future<Integer> expireAll(List<LeaseRecord> due, Instant now) {
    List<Future<Boolean>> ends = new ArrayList<>(due.size());
    for (LeaseRecord lease : due) {
      ends.add(leases.end(lease, LeaseState.EXPIRED, now));
    }
    return Future.all(ends).map(all -> (int) ends.stream().filter(Future::result).count());
  }
}
