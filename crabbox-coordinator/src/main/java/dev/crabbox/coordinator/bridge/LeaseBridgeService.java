package dev.crabbox.coordinator.bridge;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.egress.BridgeCredentials;
import dev.crabbox.coordinator.egress.BridgeGrant;
import dev.crabbox.coordinator.egress.CloseReasons;
import dev.crabbox.coordinator.egress.ResumeSecrets;
import dev.crabbox.coordinator.egress.UpgradeLeases;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.lease.Access;
import dev.crabbox.coordinator.lease.LeaseService;
import dev.crabbox.coordinator.lease.LeaseSockets;
import dev.crabbox.coordinator.store.BridgeRole;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.coordinator.store.ResumeSecretRecord;
import dev.crabbox.coordinator.store.SecretHashes;
import dev.crabbox.coordinator.store.TicketRecord;
import dev.crabbox.protocol.api.BridgeTicket;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import dev.crabbox.protocol.capability.Capability;
import dev.crabbox.protocol.capability.CapabilityCheck;
import dev.crabbox.protocol.capability.LabelCheck;
import dev.crabbox.protocol.capability.ProviderSpec;
import dev.crabbox.protocol.id.Ids;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the lease bridges (VNC, code): who may mint an agent ticket (anyone who may use
 * the lease: spec 004 lets use shares open portal bridges), which credentials an agent upgrade
 * needs, and which leases a bridge may be opened on (active, and with the capability: its label,
 * or a provider that probes it). Runs on the coordinator's context.
 */
public final class LeaseBridgeService {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseBridgeService.class);

  private final CoordinatorStore store;
  private final LeaseService leases;
  private final LeaseBridges bridges;
  private final CoordinatorOptions options;
  private final SecureRandom random = new SecureRandom();

  public LeaseBridgeService(CoordinatorStore store, LeaseService leases, LeaseBridges bridges,
      CoordinatorOptions options) {
    this.store = store;
    this.leases = leases;
    this.bridges = bridges;
    this.options = options;
  }

  private Instant now() {
    return options.getClock().instant();
  }

  /** The connected agents: where bridge streams are opened. */
  public LeaseBridges bridges() {
    return bridges;
  }

  /**
   * The lease if {@code caller} may open a {@code kind} bridge on it: 404 when invisible, 409
   * {@code lease_not_active} when it is not active, 409 {@code capability_missing} (spec 003's
   * label message) when it lacks the capability.
   */
  public Future<LeaseRecord> requireBridgeable(Caller caller, String idOrSlug, LeaseBridgeKind kind) {
    return leases.find(caller, idOrSlug).compose(visible -> {
      LeaseRecord lease = visible.lease();
      if (!lease.activeAt(now())) {
        return Future.failedFuture(ApiException.leaseNotActive("lease " + lease.slug() + " is "
            + lease.stateAt(now()).wire() + "; the " + kind.wire() + " bridge needs an active lease"));
      }
      LabelCheck labels = CapabilityCheck.enforceLabels(lease.slug(), provider(lease), labels(lease),
          Set.of(kind.capability()));
      return labels.ok()
          ? Future.succeededFuture(lease)
          : Future.failedFuture(new ApiException(409, "capability_missing", labels.failures().get(0)));
    });
  }

  /**
   * A stream to {@code kind}'s loopback port on the lease, for {@code caller}: the checks of
   * {@link #requireBridgeable}, then {@link LeaseBridges#openStream}.
   */
  public Future<OpenedBridge> open(Caller caller, String idOrSlug, LeaseBridgeKind kind) {
    return requireBridgeable(caller, idOrSlug, kind).compose(lease -> bridges.openStream(lease.id(), kind)
        .recover(failure -> Future.failedFuture(failure instanceof ApiException api
            && api.status() == 503 ? LeaseBridges.notConnected(lease.slug(), kind) : failure))
        .map(stream -> new OpenedBridge(lease, stream)));
  }

  /** Which agents are connected (to any node of a cluster) for a lease the caller can see. */
  public Future<JsonObject> status(Caller caller, String idOrSlug) {
    return leases.find(caller, idOrSlug).compose(visible -> {
      JsonObject json = new JsonObject().put("leaseID", visible.lease().id())
          .put("slug", visible.lease().slug());
      List<Future<Void>> kinds = new ArrayList<>();
      for (LeaseBridgeKind kind : LeaseBridgeKind.values()) {
        JsonObject entry = new JsonObject();
        json.put(kind.wire(), entry);
        kinds.add(bridges.connectedAnywhere(visible.lease().id(), kind).map(connected -> {
          entry.put("agentConnected", connected);
          return null;
        }));
      }
      return Future.all(kinds).map(all -> json);
    });
  }

  /** Mints a one-use agent ticket for {@code kind}; use access is enough. */
  public Future<BridgeTicket> mintTicket(Caller caller, String idOrSlug, LeaseBridgeKind kind) {
    return requireBridgeable(caller, idOrSlug, kind).compose(lease -> {
      Instant now = now();
      Instant expires = now.plus(options.getTicketTtl());
      String ticket = Ids.newTicket(random);
      // Lease bridges have no sessions: the ticket's session column names the kind instead.
      TicketRecord record = new TicketRecord(SecretHashes.sha256(ticket), lease.id(),
          BridgeRole.of(kind), kind.wire(), caller.owner(), caller.org(), caller.role(), now, expires,
          null);
      return store.insertTicket(record)
          .map(stored -> new BridgeTicket(ticket, lease.id(), kind.wire(), expires))
          .onSuccess(minted -> LOG.info("{} bridge ticket for lease {} by {}", kind.wire(), lease.id(),
              caller.owner()));
    });
  }

  /**
   * Checks an agent upgrade: 404 unknown lease, 401 no or a spent/unknown credential, 409 an
   * inactive lease, 403 when the ticket's minter (for a resume secret: the minter of the ticket
   * the agent first connected with) can no longer use the lease. On success the
   * credential is consumed and a fresh resume secret issued.
   */
  public Future<BridgeGrant> authorizeUpgrade(String idOrSlug, LeaseBridgeKind kind,
      BridgeCredentials credentials) {
    return UpgradeLeases.find(store, idOrSlug, credentials,
        "a " + kind.wire() + " bridge ticket or resume secret is required").compose(lease -> {
      if (!lease.activeAt(now())) {
        return Future.failedFuture(ApiException.leaseNotActive("lease " + lease.slug() + " is "
            + lease.stateAt(now()).wire()));
      }
      BridgeRole role = BridgeRole.of(kind);
      // The holder (null: unknown) is the ticket's minter, carried on through resume secrets.
      Future<Caller> consumed = credentials.ticket().isPresent()
          ? consumeTicket(lease, role, credentials.ticket().get())
          : store.consumeResumeSecret(SecretHashes.sha256(credentials.resumeSecret().orElseThrow()),
              lease.id(), role, now()).compose(claimed -> claimed.isPresent()
                  ? requireUse(lease, claimed.get().holder())
                  : Future.failedFuture(ApiException.ticketRequired("resume secret is unknown or used")));
      return consumed.compose(holder -> {
        String secret = ResumeSecrets.next(random);
        return store.insertResumeSecret(new ResumeSecretRecord(SecretHashes.sha256(secret), lease.id(),
                kind.wire(), role, holder, now(), null))
            .map(stored -> new BridgeGrant(lease.id(), lease.slug(), kind.wire(), role, secret,
                holder));
      });
    });
  }

  private Future<Caller> consumeTicket(LeaseRecord lease, BridgeRole role, String ticket) {
    return store.consumeTicket(SecretHashes.sha256(ticket), lease.id(), role, now()).compose(claimed -> {
      if (claimed.isEmpty()) {
        return Future.failedFuture(ApiException.ticketRequired("bridge ticket is unknown, used, "
            + "expired, or for another lease or kind"));
      }
      TicketRecord t = claimed.get();
      return requireUse(lease, new Caller(t.owner(), t.org(), t.userRole()));
    });
  }

  /** The socket's holder must still be able to use the lease (unknown holders predate the check). */
  private Future<Caller> requireUse(LeaseRecord lease, Caller holder) {
    if (holder == null) {
      return Future.succeededFuture(null);
    }
    return store.shares(lease.id()).compose(shares -> Access.of(holder, lease, shares).canSee()
        ? Future.succeededFuture(holder)
        : Future.failedFuture(ApiException.forbidden("the ticket's owner can no longer use lease "
            + lease.slug())));
  }

  /**
   * Tracks an upgraded agent socket so that it closes (1008) once its holder can no longer use
   * the lease (minting its ticket needed use).
   */
  void track(BridgeGrant grant, ServerWebSocket socket) {
    if (grant.holder() != null) {
      leases.track(grant.leaseId(), grant.holder(), Access.USE,
          LeaseSockets.LiveSocket.of(socket));
    }
  }

  /** Event-bus handler of lease ends: the lease's agents close with 1008 and exit. */
  public void onLeaseEnded(JsonObject event) {
    String reason = LeaseState.EXPIRED.wire().equals(event.getString("state"))
        ? CloseReasons.LEASE_EXPIRED : CloseReasons.LEASE_ENDED;
    bridges.leaseEnded(event.getString("leaseId"), reason);
  }

  private static ProviderSpec provider(LeaseRecord lease) {
    try {
      return ProviderSpec.of(lease.provider());
    } catch (IllegalArgumentException unknown) {
      return ProviderSpec.MANUAL;
    }
  }

  private static Map<Capability, Boolean> labels(LeaseRecord lease) {
    Map<Capability, Boolean> labels = new EnumMap<>(Capability.class);
    labels.put(Capability.DESKTOP, lease.desktop());
    labels.put(Capability.BROWSER, lease.browser());
    labels.put(Capability.CODE, lease.code());
    return labels;
  }

  /** A bridge stream and the lease it reaches (the portal reads the lease's secrets from it). */
  public record OpenedBridge(LeaseRecord lease, LeaseBridgeStream stream) {
  }
}
