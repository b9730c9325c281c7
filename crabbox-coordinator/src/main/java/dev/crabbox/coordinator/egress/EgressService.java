package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.lease.Access;
import dev.crabbox.coordinator.lease.LeaseEvents;
import dev.crabbox.coordinator.lease.LeaseService;
import dev.crabbox.coordinator.lease.LeaseSockets;
import dev.crabbox.coordinator.store.BridgeRole;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.EgressSessionRecord;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.coordinator.store.ResumeSecretRecord;
import dev.crabbox.coordinator.store.SecretHashes;
import dev.crabbox.coordinator.store.TicketRecord;
import dev.crabbox.protocol.api.EgressStatus;
import dev.crabbox.protocol.api.EgressTicket;
import dev.crabbox.protocol.id.Ids;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Egress rules: minting tickets (which picks or starts the lease's current session), checking
 * the credentials of a bridge upgrade, reporting status, and tearing sessions down when a lease
 * ends. Runs on the coordinator verticle's context.
 */
public final class EgressService {

  private static final Logger LOG = LoggerFactory.getLogger(EgressService.class);

  private final CoordinatorStore store;
  private final LeaseService leases;
  private final EgressSessions sessions;
  private final SessionPlacement placement;
  private final CoordinatorOptions options;
  private final SecureRandom random = new SecureRandom();
  private final KeyedQueue perLease = new KeyedQueue();

  public EgressService(CoordinatorStore store, LeaseService leases, EgressSessions sessions,
      CoordinatorOptions options) {
    this(store, leases, sessions, SessionPlacement.local(sessions), options);
  }

  /** With {@code placement} deciding which node runs each session actor (a cluster's). */
  public EgressService(CoordinatorStore store, LeaseService leases, EgressSessions sessions,
      SessionPlacement placement, CoordinatorOptions options) {
    this.store = store;
    this.leases = leases;
    this.sessions = sessions;
    this.placement = placement;
    this.options = options;
  }

  private Instant now() {
    return options.getClock().instant();
  }

  // Tickets

  /** Mints a one-use ticket; needs manage access on an active lease. */
  public Future<EgressTicket> mintTicket(Caller caller, String idOrSlug, TicketRequest request) {
    return leases.findManaged(caller, idOrSlug)
        .compose(visible -> requireActive(visible.lease()))
        .compose(lease -> perLease.run(lease.id(), () -> placement.exclusive(lease.id(),
            () -> currentSessionFor(lease, request)
                .compose(session -> scope(lease, session, request))
                .compose(session -> issueTicket(caller, lease, session, request.role())))))
        .onSuccess(ticket -> LOG.info("egress {} ticket for lease {} session {} by {}",
            ticket.role(), ticket.leaseID(), ticket.sessionID(), caller.owner()));
  }

  private Future<LeaseRecord> requireActive(LeaseRecord lease) {
    return lease.activeAt(now()) ? Future.succeededFuture(lease) : Future.failedFuture(inactive(lease));
  }

  /** Joins the current session, or starts the requested/a generated one (replacing the old). */
  private Future<String> currentSessionFor(LeaseRecord lease, TicketRequest request) {
    return store.egressSession(lease.id()).compose(existing -> {
      Optional<String> current = existing.filter(EgressSessionRecord::current)
          .map(EgressSessionRecord::sessionId);
      String wanted = request.sessionId().orElse(current.orElse(null));
      if (wanted != null && current.isPresent() && current.get().equals(wanted)) {
        return Future.succeededFuture(wanted);
      }
      String fresh = wanted != null ? wanted : Ids.newSessionId(random);
      return store.startEgressSession(lease.id(), fresh, now())
          .onSuccess(started -> {
            placement.sessionChanged(lease.id(), fresh);
            LOG.info("egress session {} of lease {} is now current", fresh, lease.id());
          })
          .map(fresh);
    });
  }

  private Future<String> scope(LeaseRecord lease, String sessionId, TicketRequest request) {
    if (request.role() != BridgeRole.HOST) {
      return Future.succeededFuture(sessionId);
    }
    return store.updateEgressScope(lease.id(), sessionId, request.profile(), request.allow(), now())
        .map(sessionId);
  }

  private Future<EgressTicket> issueTicket(Caller caller, LeaseRecord lease, String sessionId,
      BridgeRole role) {
    Instant now = now();
    Instant expires = now.plus(options.getTicketTtl());
    String ticket = Ids.newTicket(random);
    TicketRecord record = new TicketRecord(SecretHashes.sha256(ticket), lease.id(), role, sessionId,
        caller.owner(), caller.org(), caller.role(), now, expires, null);
    return store.insertTicket(record)
        .onSuccess(stored -> sessions.meter().ticketIssued())
        .compose(stored -> leases.touch(lease).otherwiseEmpty())
        .map(touched -> new EgressTicket(ticket, lease.id(), role.wire(), sessionId, expires));
  }

  // Upgrades

  /** An authorized upgrade and where its socket goes. */
  public record Upgrade(BridgeGrant grant, SessionEndpoint session) {
  }

  /**
   * Checks a bridge upgrade: 404 unknown lease, 401 no credentials, 409 inactive lease, 401 a
   * ticket or resume secret that is unknown, used, expired or bound elsewhere (left unconsumed
   * then), 403 when the ticket's minter (for a resume secret: the minter of the ticket the
   * socket was first opened with) lost manage access, 410 when its session is no longer
   * current. On success consumes the credential, issues the next resume secret and finds the
   * session actor, all in the lease's queue so that a concurrent ticket cannot switch sessions
   * in between.
   */
  public Future<Upgrade> authorizeUpgrade(String idOrSlug, BridgeRole role,
      BridgeCredentials credentials) {
    return UpgradeLeases.find(store, idOrSlug, credentials,
        "an egress ticket or resume secret is required").compose(lease ->
      perLease.run(lease.id(), () -> placement.exclusive(lease.id(), () -> requireActive(lease)
          .compose(active -> credentials.ticket().isPresent()
              ? consumeTicket(lease, role, credentials.ticket().get())
              : consumeResumeSecret(lease, role, credentials.resumeSecret().orElseThrow()))
          .compose(claim -> requireCurrent(lease, claim.sessionId()).map(claim))
          .compose(claim -> issueResumeSecret(lease, claim, role))
          .compose(grant -> placement.endpoint(lease.id(), grant.sessionId())
              .map(endpoint -> new Upgrade(grant, endpoint))))));
  }

  /** A consumed credential: the session it joins and who holds the socket (null: unknown). */
  private record Claim(String sessionId, Caller holder) {
  }

  private Future<Claim> consumeTicket(LeaseRecord lease, BridgeRole role, String ticket) {
    return store.consumeTicket(SecretHashes.sha256(ticket), lease.id(), role, now())
        .compose(claimed -> {
          if (claimed.isEmpty()) {
            return Future.failedFuture(ApiException.ticketRequired("egress ticket is unknown, "
                + "used, expired, or for another lease or role"));
          }
          TicketRecord t = claimed.get();
          sessions.meter().ticketConsumed();
          Caller minter = new Caller(t.owner(), t.org(), t.userRole());
          return requireManage(lease, new Claim(t.sessionId(), minter));
        });
  }

  /** The socket's holder must still manage the lease (unknown holders predate the check). */
  private Future<Claim> requireManage(LeaseRecord lease, Claim claim) {
    if (claim.holder() == null) {
      return Future.succeededFuture(claim);
    }
    return store.shares(lease.id()).compose(shares -> Access.of(claim.holder(), lease, shares)
        .canManage()
        ? Future.succeededFuture(claim)
        : Future.failedFuture(ApiException.forbidden("the ticket's owner no longer "
            + "manages lease " + lease.slug())));
  }

  private Future<Claim> consumeResumeSecret(LeaseRecord lease, BridgeRole role, String secret) {
    return store.consumeResumeSecret(SecretHashes.sha256(secret), lease.id(), role, now())
        .compose(claimed -> claimed.isPresent()
            ? requireManage(lease, new Claim(claimed.get().sessionId(), claimed.get().holder()))
            : Future.failedFuture(ApiException.ticketRequired("resume secret is unknown, used, "
                + "or its session has ended")));
  }

  private Future<String> requireCurrent(LeaseRecord lease, String sessionId) {
    return store.egressSession(lease.id()).compose(session -> session
            .filter(s -> s.current() && s.sessionId().equals(sessionId))
            .isPresent()
        ? Future.succeededFuture(sessionId)
        : Future.failedFuture(ApiException.sessionEnded("egress session " + sessionId
            + " of lease " + lease.slug() + " has ended")));
  }

  private Future<BridgeGrant> issueResumeSecret(LeaseRecord lease, Claim claim, BridgeRole role) {
    String secret = ResumeSecrets.next(random);
    ResumeSecretRecord record = new ResumeSecretRecord(SecretHashes.sha256(secret), lease.id(),
        claim.sessionId(), role, claim.holder(), now(), null);
    return store.insertResumeSecret(record)
        .compose(stored -> leases.touch(lease).otherwiseEmpty())
        .map(touched -> new BridgeGrant(lease.id(), lease.slug(), claim.sessionId(), role, secret,
            claim.holder()));
  }

  private ApiException inactive(LeaseRecord lease) {
    return ApiException.egressUnavailable("lease " + lease.slug() + " is "
        + lease.stateAt(now()).wire() + "; egress needs an active lease");
  }

  // Status

  public Future<EgressStatus> status(Caller caller, String idOrSlug) {
    return leases.find(caller, idOrSlug).compose(visible -> {
      LeaseRecord lease = visible.lease();
      return store.egressSession(lease.id()).compose(found -> {
        Optional<EgressSessionRecord> current = found.filter(EgressSessionRecord::current)
            .filter(s -> lease.activeAt(now()));
        if (current.isEmpty()) {
          return Future.succeededFuture(EgressStatus.inactive(lease.id(), lease.slug()));
        }
        EgressSessionRecord s = current.get();
        return placement.liveness(lease.id(), s.sessionId()).map(live -> new EgressStatus(
            lease.id(), lease.slug(), true, s.sessionId(), s.profile(), s.allow(),
            live.hostConnected(), live.clientConnected(), s.createdAt(), s.updatedAt()));
      });
    });
  }

  /**
   * Completes when the ticket, upgrade and teardown work under way has finished: the coordinator
   * waits for it before closing the store that work uses.
   */
  public Future<Void> drained() {
    return perLease.drained();
  }

  /**
   * Tracks an upgraded agent socket so that it closes (1008) once its holder no longer manages
   * the lease: egress tickets need manage, so an open egress socket does too.
   */
  void track(BridgeGrant grant, ServerWebSocket socket) {
    if (grant.holder() != null) {
      leases.track(grant.leaseId(), grant.holder(), Access.MANAGE,
          LeaseSockets.LiveSocket.of(socket));
    }
  }

  // Lease ends

  /** Event-bus handler of {@link LeaseEvents#ENDED}: the session ends, sockets close 1008. */
  public void onLeaseEnded(JsonObject event) {
    String leaseId = event.getString("leaseId");
    String reason = LeaseState.EXPIRED.wire().equals(event.getString("state"))
        ? CloseReasons.LEASE_EXPIRED
        : CloseReasons.LEASE_ENDED;
    perLease.run(leaseId, () -> store.endEgressSession(leaseId, now())
        .compose(ended -> sessions.end(leaseId, CloseReasons.LEASE_OVER_CODE, reason)))
        .onFailure(failure -> LOG.warn("tearing down egress of lease {} failed: {}", leaseId,
            failure.toString()));
  }
}
