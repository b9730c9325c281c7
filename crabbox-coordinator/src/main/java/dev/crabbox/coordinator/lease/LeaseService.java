package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.DuplicateKeyException;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseShares;
import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.protocol.id.Ids;
import dev.crabbox.protocol.id.Slugs;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lease lifecycle and access rules on top of the store. Runs on the coordinator's context. */
public final class LeaseService {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseService.class);
  private static final int CREATE_ATTEMPTS = 4;

  private final CoordinatorStore store;
  private final CoordinatorOptions options;
  private final EventBus eventBus;
  private final RandomGenerator random = new SecureRandom();

  public LeaseService(CoordinatorStore store, CoordinatorOptions options, EventBus eventBus) {
    this.store = store;
    this.options = options;
    this.eventBus = eventBus;
  }

  public Instant now() {
    return options.getClock().instant();
  }

  /** A new manual lease owned by the caller, active at once. */
  public Future<LeaseRecord> create(Caller caller, CreateLeaseRequest request) {
    return create(caller, request, CREATE_ATTEMPTS);
  }

  private Future<LeaseRecord> create(Caller caller, CreateLeaseRequest request, int attempts) {
    String id = Ids.newLeaseId(random);
    String base = Slugs.slugFor(id);
    return store.slugsStartingWith(base)
        .compose(taken -> {
          Instant now = now();
          var ttl = request.ttl().orElse(options.getLeaseTtl());
          var idle = request.idleTimeout().orElse(options.getLeaseIdleTimeout());
          LeaseRecord lease = new LeaseRecord(id, Slugs.uniqueSlug(id, taken::contains),
              caller.owner(), caller.org(), request.provider(), request.target(), LeaseState.ACTIVE,
              request.labels().desktop(), request.labels().browser(), request.labels().code(),
              ttl, idle, now, now, now, LeaseRecord.expiry(now, now, ttl, idle));
          return store.insertLease(lease).map(lease);
        })
        .recover(failure -> failure instanceof DuplicateKeyException && attempts > 1
            ? create(caller, request, attempts - 1)
            : Future.failedFuture(failure))
        .onSuccess(lease -> LOG.info("lease {} ({}) created for {}", lease.id(), lease.slug(),
            lease.owner()));
  }

  /** The lease if the caller can see it; 404 {@code lease_not_found} otherwise. */
  public Future<VisibleLease> find(Caller caller, String idOrSlug) {
    return store.findLease(idOrSlug)
        .compose(found -> found.isEmpty()
            ? Future.failedFuture(ApiException.leaseNotFound(idOrSlug))
            : store.shares(found.get().id()).compose(shares -> {
              Access access = Access.of(caller, found.get(), shares);
              return access.canSee()
                  ? Future.succeededFuture(new VisibleLease(found.get(), shares, access))
                  : Future.failedFuture(ApiException.leaseNotFound(idOrSlug));
            }));
  }

  public Future<VisibleLease> findManaged(Caller caller, String idOrSlug) {
    return find(caller, idOrSlug).map(VisibleLease::requireManage);
  }

  public Future<List<LeaseRecord>> list(Caller caller) {
    return caller.admin() ? store.listLeases() : store.listLeasesVisibleTo(caller.owner(), caller.org());
  }

  /** Releases an active lease (idempotent for ended ones) and tears down its egress. */
  public Future<LeaseRecord> release(Caller caller, String idOrSlug) {
    return findManaged(caller, idOrSlug).compose(visible -> {
      LeaseRecord lease = visible.lease();
      if (lease.state() != LeaseState.ACTIVE) {
        return Future.succeededFuture(lease);
      }
      Instant now = now();
      LeaseState end = lease.activeAt(now) ? LeaseState.RELEASED : LeaseState.EXPIRED;
      return end(lease, end, now).compose(ended -> store.findLease(lease.id()))
          .map(reread -> reread.orElse(lease.withState(end, now)));
    });
  }

  /** Moves an active lease to {@code state} and announces it; false when it was not active. */
  public Future<Boolean> end(LeaseRecord lease, LeaseState state, Instant now) {
    return store.transitionLease(lease.id(), LeaseState.ACTIVE, state, now)
        .onSuccess(moved -> {
          if (moved) {
            LOG.info("lease {} ({}) {}", lease.id(), lease.slug(), state.wire());
            eventBus.publish(LeaseEvents.ENDED, LeaseEvents.ended(lease.id(), state));
          }
        });
  }

  /** Records activity on an active lease, pushing its idle expiry out. */
  public Future<LeaseRecord> heartbeat(Caller caller, String idOrSlug) {
    return findManaged(caller, idOrSlug).compose(visible -> touch(visible.lease()));
  }

  /** Touches an active lease; 409 {@code lease_not_active} when it has ended. */
  public Future<LeaseRecord> touch(LeaseRecord lease) {
    Instant now = now();
    if (!lease.activeAt(now)) {
      return Future.failedFuture(ApiException.leaseNotActive("lease " + lease.slug() + " is "
          + lease.stateAt(now).wire()));
    }
    LeaseRecord touched = lease.withTouch(now);
    return store.touchLease(touched).compose(updated -> updated
        ? Future.succeededFuture(touched)
        : Future.failedFuture(ApiException.leaseNotActive("lease " + lease.slug() + " is not active")));
  }

  public Future<LeaseShares> shares(Caller caller, String idOrSlug) {
    return find(caller, idOrSlug).map(VisibleLease::shares);
  }

  public Future<LeaseShares> replaceShares(Caller caller, String idOrSlug, LeaseShares shares) {
    return findManaged(caller, idOrSlug).compose(visible -> store
        .replaceShares(visible.lease().id(), visible.lease().org(), shares)
        .compose(done -> store.shares(visible.lease().id())));
  }
}
