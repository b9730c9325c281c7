package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.DuplicateKeyException;
import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.LeaseProviders;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.store.LeaseInputs;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseShares;
import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.protocol.id.Ids;
import dev.crabbox.protocol.id.Slugs;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.security.SecureRandom;
import java.time.Instant;
import dev.crabbox.protocol.capability.CapabilityCheck;
import dev.crabbox.protocol.capability.CapabilityException;
import dev.crabbox.protocol.capability.LeaseTarget;
import java.util.List;
import java.util.Map;
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
  private final LeaseProviders providers;
  private final LeaseProvisioner provisioner;
  private final RandomGenerator random = new SecureRandom();
  private final LeaseSockets sockets = new LeaseSockets();

  public LeaseService(CoordinatorStore store, CoordinatorOptions options, EventBus eventBus,
      LeaseProviders providers, LeaseProvisioner provisioner) {
    this.store = store;
    this.options = options;
    this.eventBus = eventBus;
    this.providers = providers;
    this.provisioner = provisioner;
  }

  public Instant now() {
    return options.getClock().instant();
  }

  /** This node's live sockets of each lease and whom they were opened for. */
  public LeaseSockets sockets() {
    return sockets;
  }

  /**
   * A new lease owned by the caller: a manual lease is active at once; a provider lease is stored
   * as provisioning (answered at once) and provisioned in the background. Requests the provider
   * cannot serve (unknown or disabled provider, capability, target, options) are refused with 400
   * and store nothing.
   */
  public Future<LeaseRecord> create(Caller caller, CreateLeaseRequest request) {
    LeaseProvider provider;
    try {
      provider = CreateLeaseRequest.MANUAL.equals(request.provider()) ? null
          : checkedProvider(request);
    } catch (ProviderException | CapabilityException e) {
      return Future.failedFuture(ApiException.badRequest(e.getMessage()));
    }
    return create(caller, request, provider, CREATE_ATTEMPTS)
        .onSuccess(lease -> {
          LOG.info("lease {} ({}) created for {} on {}", lease.id(), lease.slug(), lease.owner(),
              lease.provider());
          if (lease.state() == LeaseState.PROVISIONING) {
            provisioner.provision(lease);
          }
        });
  }

  private LeaseProvider checkedProvider(CreateLeaseRequest request) throws CapabilityException {
    LeaseProvider provider = providers.require(request.provider());
    CapabilityCheck.requireSupported(provider.spec(), LeaseTarget.parse(request.target()),
        request.capabilities());
    provider.validate(provisionRequest("cbx_validate", "validate", request, Map.of()));
    return provider;
  }

  private Future<LeaseRecord> create(Caller caller, CreateLeaseRequest request,
      LeaseProvider provider, int attempts) {
    String id = Ids.newLeaseId(random);
    String base = Slugs.slugFor(id);
    return store.slugsStartingWith(base)
        .compose(taken -> {
          String slug = Slugs.uniqueSlug(id, taken::contains);
          LeaseRecord lease = newLease(caller, request, provider, id, slug);
          return store.insertLease(lease).map(lease);
        })
        .recover(failure -> failure instanceof DuplicateKeyException && attempts > 1
            ? create(caller, request, provider, attempts - 1)
            : Future.failedFuture(failure));
  }

  private LeaseRecord newLease(Caller caller, CreateLeaseRequest request, LeaseProvider provider,
      String id, String slug) {
    Instant now = now();
    var ttl = request.ttl().orElse(options.getLeaseTtl());
    var idle = request.idleTimeout().orElse(options.getLeaseIdleTimeout());
    LeaseInputs inputs = LeaseInputs.NONE;
    LeaseState state = LeaseState.ACTIVE;
    if (provider != null) {
      state = LeaseState.PROVISIONING;
      Map<String, String> secrets =
          provider.prepareSecrets(provisionRequest(id, slug, request, Map.of()));
      inputs = new LeaseInputs(request.sshPublicKey(), request.options(), secrets);
    }
    return new LeaseRecord(id, slug, caller.owner(), caller.org(), request.provider(),
        request.target(), state, request.labels().desktop(), request.labels().browser(),
        request.labels().code(), ttl, idle, now, now, now,
        LeaseRecord.expiry(now, now, ttl, idle), null, null, null, false, inputs);
  }

  private static ProvisionRequest provisionRequest(String id, String slug,
      CreateLeaseRequest request, Map<String, String> secrets) {
    return new ProvisionRequest(id, slug, "", "", request.target(), request.labels(),
        request.sshPublicKey(), request.options(), secrets);
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

  /**
   * Releases a provisioning or active lease (idempotent for ended ones) and tears down its egress;
   * the provider deletes the machine in the background.
   */
  public Future<LeaseRecord> release(Caller caller, String idOrSlug) {
    return findManaged(caller, idOrSlug).compose(visible -> {
      LeaseRecord lease = visible.lease();
      if (lease.state().ended()) {
        return Future.succeededFuture(lease);
      }
      Instant now = now();
      LeaseState end = lease.stateAt(now) == LeaseState.EXPIRED ? LeaseState.EXPIRED
          : LeaseState.RELEASED;
      return end(lease, end, now).compose(ended -> store.findLease(lease.id()))
          .map(reread -> reread.orElse(lease.withState(end, now)));
    });
  }

  /**
   * Ends a provisioning or active lease as {@code state}, announces it (egress sessions close)
   * and starts the provider's cleanup; false when the lease had already moved on.
   */
  public Future<Boolean> end(LeaseRecord lease, LeaseState state, Instant now) {
    return store.transitionLease(lease.id(), lease.state(), state, now)
        .onSuccess(moved -> {
          if (moved) {
            LOG.info("lease {} ({}) {}", lease.id(), lease.slug(), state.wire());
            eventBus.publish(LeaseEvents.ENDED, LeaseEvents.ended(lease.id(), state));
            provisioner.cleanUp(lease.withState(state, now));
          }
        });
  }

  /** Records activity on an active lease, pushing its idle expiry out. */
  public Future<LeaseRecord> heartbeat(Caller caller, String idOrSlug) {
    // A use share may run commands on the lease, so it may keep the lease alive while it does.
    return find(caller, idOrSlug).compose(visible -> touch(visible.lease()));
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
        .onSuccess(done -> eventBus.publish(LeaseEvents.ACCESS_CHANGED,
            LeaseEvents.accessChanged(visible.lease().id())))
        .compose(done -> store.shares(visible.lease().id())));
  }

  /**
   * Tracks a socket of the lease opened for {@code caller}, needing {@code needs}, and checks the
   * shares once more: a change committed after the upgrade's own check but before the socket was
   * tracked found nothing to close, so it is caught here; any later change finds it tracked.
   */
  public void track(String leaseId, Caller caller, Access needs, LeaseSockets.LiveSocket socket) {
    sockets.register(leaseId, caller, needs, socket);
    onAccessChanged(leaseId).onFailure(failure -> LOG.warn(
        "checking socket access of lease {} failed: {}", leaseId, failure.toString()));
  }

  /**
   * Event-bus handler of {@link LeaseEvents#ACCESS_CHANGED}: this node's sockets of the lease
   * whose caller lost access close with 1008 (on every node, the event is published).
   */
  public Future<Integer> onAccessChanged(String leaseId) {
    if (!sockets.tracks(leaseId)) {
      return Future.succeededFuture(0);
    }
    return store.findLease(leaseId).compose(found -> found.isEmpty()
        ? Future.succeededFuture(0)
        : store.shares(leaseId).map(shares -> sockets.revokeLost(found.get(), shares)));
  }
}
