package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.LeaseProviders;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives leases through their providers: provisioning in the background after a create,
 * cleanup after a lease ends, and both again after a coordinator restart (everything it needs is
 * in the lease row). Runs on the coordinator's context; a lease is worked on by at most one
 * provisioning and one cleanup at a time.
 */
public final class LeaseProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseProvisioner.class);
  private static final int MAX_REASON = 2000;

  private final CoordinatorStore store;
  private final LeaseProviders providers;
  private final Clock clock;
  private final Set<String> provisioning = new HashSet<>();
  private final Set<String> cleaning = new HashSet<>();
  private final WorkLocks locks;

  public LeaseProvisioner(CoordinatorStore store, LeaseProviders providers, Clock clock) {
    this(store, providers, clock, WorkLocks.NONE);
  }

  /**
   * With {@code locks} guarding each lease's provisioning and cleanup: with a cluster's locks,
   * one node works on a lease at a time, and a cleanup re-reads the lease under its lock so that
   * one finished elsewhere meanwhile is not repeated.
   */
  public LeaseProvisioner(CoordinatorStore store, LeaseProviders providers, Clock clock,
      WorkLocks locks) {
    this.store = store;
    this.providers = providers;
    this.clock = clock;
    this.locks = locks;
  }

  /** The provider's view of a stored lease. */
  public static ProvisionRequest request(LeaseRecord lease) {
    return new ProvisionRequest(lease.id(), lease.slug(), lease.owner(), lease.org(),
        lease.target(), new LeaseView.Labels(lease.desktop(), lease.browser(), lease.code()),
        lease.inputs().sshPublicKey(), lease.inputs().options(), lease.inputs().secrets());
  }

  /**
   * Provisions a lease stored as provisioning: active with its machine, or failed with the
   * provider's reason (then cleaned up). Completes with the lease's record afterwards; never
   * fails (failures are the lease's state).
   */
  public Future<LeaseState> provision(LeaseRecord lease) {
    if (!provisioning.add(lease.id())) {
      return Future.succeededFuture(LeaseState.PROVISIONING);
    }
    return locks.ifFree("crabbox.lease.provision." + lease.id(), () -> store.findLease(lease.id())
            // The caller's record, not the re-read one: it may carry inputs the store keeps apart.
            .compose(found -> found.filter(current -> current.state() == LeaseState.PROVISIONING)
                .map(current -> provisionLocked(lease))
                .orElse(Future.succeededFuture(found.map(LeaseRecord::state)
                    .orElse(LeaseState.FAILED)))))
        .map(state -> state.orElse(LeaseState.PROVISIONING))
        .onComplete(done -> provisioning.remove(lease.id()));
  }

  private Future<LeaseState> provisionLocked(LeaseRecord lease) {
    LOG.info("lease {} ({}) provisioning on {}", lease.id(), lease.slug(), lease.provider());
    Future<Provisioned> made;
    try {
      made = providers.require(lease.provider()).provision(request(lease));
    } catch (RuntimeException e) {
      made = Future.failedFuture(e);
    }
    return made.compose(machine -> activate(lease, machine), failure -> fail(lease, failure));
  }

  private Future<LeaseState> activate(LeaseRecord lease, Provisioned provisioned) {
    LeaseRecord active = lease.activated(provisioned.providerRef(), provisioned.machine(),
        clock.instant());
    return store.activateLease(active).compose(activated -> {
      if (activated) {
        LOG.info("lease {} ({}) active on {} {}:{}", lease.id(), lease.slug(), lease.provider(),
            provisioned.machine().ssh().host(), provisioned.machine().ssh().port());
        return Future.succeededFuture(LeaseState.ACTIVE);
      }
      // Released (or failed by the sweeper) while the provider worked: the machine it just made
      // must not outlive the lease, even if an earlier cleanup found nothing to delete.
      LOG.info("lease {} ended while provisioning; deleting the machine it got", lease.id());
      return store.setLeaseCleanupPending(lease.id(), true)
          .compose(flagged -> store.findLease(lease.id()))
          .compose(found -> found.map(this::cleanUp).orElse(Future.succeededFuture(false)))
          .map(LeaseState.RELEASED)
          .otherwise(LeaseState.RELEASED);
    });
  }

  private Future<LeaseState> fail(LeaseRecord lease, Throwable failure) {
    String reason = reason(lease.provider(), failure);
    LOG.warn("lease {} ({}) failed to provision: {}", lease.id(), lease.slug(), reason);
    return store.failLease(lease.id(), reason, clock.instant())
        .compose(failed -> store.findLease(lease.id()))
        .compose(found -> found.map(this::cleanUp).orElse(Future.succeededFuture(false)))
        .map(LeaseState.FAILED)
        .otherwise(LeaseState.FAILED);
  }

  /** The reason shown on a failed lease: the provider's message, else the failure's class. */
  static String reason(String provider, Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      message = provider + ": " + failure.getClass().getSimpleName();
    } else if (!(failure instanceof ProviderException)) {
      message = provider + ": " + message;
    }
    return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) : message;
  }

  /**
   * Asks the provider to delete an ended lease's machine; true once nothing is left. A failure
   * leaves the cleanup pending for the next sweep.
   */
  public Future<Boolean> cleanUp(LeaseRecord lease) {
    if (!lease.cleanupPending() || !lease.state().ended() || !cleaning.add(lease.id())) {
      return Future.succeededFuture(false);
    }
    return locks.ifFree("crabbox.lease.cleanup." + lease.id(), () -> store.findLease(lease.id())
            .compose(found -> found.filter(LeaseRecord::cleanupPending)
                .map(this::cleanUpLocked)
                .orElse(Future.succeededFuture(false))))
        .map(cleaned -> cleaned.orElse(false))
        .onComplete(done -> cleaning.remove(lease.id()));
  }

  private Future<Boolean> cleanUpLocked(LeaseRecord lease) {
    Future<Void> released;
    if (CreateLeaseRequest.MANUAL.equals(lease.provider())) {
      released = Future.succeededFuture();
    } else {
      try {
        LeaseProvider provider = providers.require(lease.provider());
        released = provider.release(lease.id(), lease.providerRef());
      } catch (RuntimeException e) {
        released = Future.failedFuture(e);
      }
    }
    return released
        .compose(done -> store.setLeaseCleanupPending(lease.id(), false))
        .map(done -> {
          LOG.info("lease {} ({}) cleaned up on {}", lease.id(), lease.slug(), lease.provider());
          return true;
        })
        .otherwise(failure -> {
          LOG.warn("cleanup of lease {} on {} failed, will retry: {}", lease.id(),
              lease.provider(), failure.getMessage());
          return false;
        });
  }

  /** Cleans up every ended lease still pending; the number cleaned. */
  public Future<Integer> cleanUpPending() {
    return store.leasesPendingCleanup().compose(pending -> {
      List<Future<Boolean>> all = new ArrayList<>();
      pending.forEach(lease -> all.add(cleanUp(lease)));
      return Future.all(all).map(done -> (int) all.stream().filter(Future::result).count());
    });
  }

  /**
   * After a restart: provisioning resumes for leases left provisioning, providers re-attach
   * their active leases (local servers come back, maybe on new ports), pending cleanups run.
   * Completes when the re-attaches are done; provisioning and cleanup go on in the background.
   */
  public Future<Void> resume() {
    Future<Void> provisioningResumed = store.leasesInState(LeaseState.PROVISIONING)
        .map(leases -> {
          leases.forEach(this::provision);
          return null;
        });
    Future<Void> reattached = store.leasesInState(LeaseState.ACTIVE).compose(this::reattachAll);
    return Future.all(provisioningResumed, reattached)
        .onComplete(done -> cleanUpPending())
        .mapEmpty();
  }

  private Future<Void> reattachAll(List<LeaseRecord> active) {
    List<Future<Void>> all = new ArrayList<>();
    for (LeaseRecord lease : active) {
      if (lease.machine() == null || providers.find(lease.provider()).isEmpty()) {
        continue;
      }
      Provisioned current = new Provisioned(lease.providerRef() == null ? lease.id()
          : lease.providerRef(), lease.machine());
      all.add(providers.find(lease.provider()).get().reattach(request(lease), current)
          .compose(moved -> moved.isEmpty() ? Future.<Void>succeededFuture()
              : store.updateLeaseMachine(lease.activated(moved.get().providerRef(),
                  moved.get().machine(), lease.touchedAt())).<Void>mapEmpty())
          .otherwise(failure -> {
            LOG.warn("lease {} could not be re-attached on {}: {}", lease.id(), lease.provider(),
                failure.getMessage());
            return null;
          }));
    }
    return Future.all(all).mapEmpty();
  }
}
