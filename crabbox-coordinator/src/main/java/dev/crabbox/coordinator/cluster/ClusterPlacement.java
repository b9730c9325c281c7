package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.egress.CloseReasons;
import dev.crabbox.coordinator.egress.EgressSessions;
import dev.crabbox.coordinator.egress.SessionEndpoint;
import dev.crabbox.coordinator.egress.SessionPlacement;
import dev.crabbox.coordinator.http.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * Session placement in a cluster: the first node a session's socket reaches becomes its owner
 * (recorded in {@link SessionOwners}); sockets landing elsewhere are relayed to the owner by a
 * {@link RelayEndpoint}; an owner that left the cluster, or cannot be dialled, is replaced by the
 * node that noticed. Session changes and status questions travel on the clustered event bus.
 * Runs on the coordinator verticle's context (the local sessions live there).
 */
final class ClusterPlacement implements SessionPlacement {

  /** Published when a lease's session changes: {@code {"leaseId":..,"sessionId":..}}. */
  static final String SESSION_CHANGED = "crabbox.cluster.egress.session-changed";
  /**
   * Published when a node took a session over from an owner it could not dial:
   * {@code {"leaseId":..,"sessionId":..,"from":nodeId}}. Should that owner still be alive (a
   * network hiccup rather than a crash), it lets go of the session's sockets so that their agents
   * reconnect to the new owner instead of staying paired with nobody.
   */
  static final String OWNER_MOVED = "crabbox.cluster.egress.owner-moved";
  static final String MOVED = "egress session moved to another node";
  private static final long LIVENESS_TIMEOUT_MS = 2000;
  private static final long LEASE_LOCK_WAIT_MS = 10_000;

  private final CoordinatorCluster cluster;
  private final SessionPlacement local;
  private final EgressSessions sessions;
  private final Context context;

  ClusterPlacement(CoordinatorCluster cluster, SessionPlacement local, EgressSessions sessions,
      Context context) {
    this.cluster = cluster;
    this.local = local;
    this.sessions = sessions;
    this.context = context;
  }

  static String livenessAddress(String nodeId) {
    return "crabbox.cluster.node." + nodeId + ".egress-liveness";
  }

  @Override
  public Future<SessionEndpoint> endpoint(String leaseId, String sessionId) {
    return cluster.owners().claim(leaseId, sessionId)
        .compose(owner -> endpointOf(leaseId, owner, true));
  }

  private Future<SessionEndpoint> endpointOf(String leaseId, SessionOwners.Owner owner,
      boolean mayTakeOver) {
    if (owner.nodeId().equals(cluster.nodeId())) {
      return local.endpoint(leaseId, owner.sessionId());
    }
    return cluster.nodeUrl(owner.nodeId()).compose(url -> {
      if (url.isEmpty()) {
        // A member that has not announced its listener (yet): it cannot take sockets.
        return mayTakeOver ? takeOver(leaseId, owner) : unreachable(owner);
      }
      return Future.succeededFuture(cluster.relayTo(url.get(), grant -> onContext(() ->
          mayTakeOver ? takeOver(leaseId, owner) : unreachable(owner))));
    });
  }

  private Future<SessionEndpoint> takeOver(String leaseId, SessionOwners.Owner unreachable) {
    return cluster.owners().takeOver(leaseId, unreachable)
        .onSuccess(owner -> {
          if (owner.nodeId().equals(cluster.nodeId())) {
            cluster.vertx().eventBus().publish(OWNER_MOVED, new JsonObject()
                .put("leaseId", leaseId).put("sessionId", owner.sessionId())
                .put("from", unreachable.nodeId()));
          }
        })
        .compose(owner -> endpointOf(leaseId, owner, false));
  }

  /** Consumer of {@link #OWNER_MOVED}: the former owner closes the session's sockets (1001). */
  void onOwnerMoved(Message<JsonObject> message) {
    if (cluster.nodeId().equals(message.body().getString("from"))) {
      sessions.end(message.body().getString("leaseId"), CloseReasons.GOING_AWAY_CODE, MOVED);
    }
  }

  private static Future<SessionEndpoint> unreachable(SessionOwners.Owner owner) {
    return Future.failedFuture(new IllegalStateException("egress session " + owner.sessionId()
        + " is owned by unreachable node " + owner.nodeId()));
  }

  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }

  /**
   * Holds the lease's cluster lock meanwhile, so that two nodes minting the first ticket of a
   * session, or upgrading while a new session starts, take turns as on one node.
   */
  @Override
  public <T> Future<T> exclusive(String leaseId, Supplier<Future<T>> work) {
    return cluster.vertx().sharedData()
        .getLockWithTimeout("crabbox.egress.lease." + leaseId, LEASE_LOCK_WAIT_MS)
        .recover(busy -> Future.failedFuture(new ApiException(503, "egress_busy",
            "another coordinator node is busy with the egress of this lease; retry")))
        .compose(lock -> {
          Future<T> done;
          try {
            done = work.get();
          } catch (RuntimeException e) {
            done = Future.failedFuture(e);
          }
          return done.onComplete(finished -> lock.release());
        });
  }

  @Override
  public void sessionChanged(String leaseId, String currentSessionId) {
    cluster.vertx().eventBus().publish(SESSION_CHANGED, new JsonObject()
        .put("leaseId", leaseId).put("sessionId", currentSessionId));
  }

  /** Consumer of {@link #SESSION_CHANGED} on every node: its old session's sockets go. */
  void onSessionChanged(Message<JsonObject> message) {
    local.sessionChanged(message.body().getString("leaseId"),
        message.body().getString("sessionId"));
  }

  @Override
  public Future<EgressSessions.Liveness> liveness(String leaseId, String sessionId) {
    return cluster.owners().current(leaseId).compose(owner -> {
      if (owner.isEmpty() || owner.get().nodeId().equals(cluster.nodeId())
          || !owner.get().sessionId().equals(sessionId)) {
        return local.liveness(leaseId, sessionId);
      }
      return cluster.vertx().eventBus().<JsonObject>request(livenessAddress(owner.get().nodeId()),
              new JsonObject().put("leaseId", leaseId).put("sessionId", sessionId),
              new DeliveryOptions().setSendTimeout(LIVENESS_TIMEOUT_MS))
          .map(reply -> new EgressSessions.Liveness(
              reply.body().getBoolean("hostConnected", false),
              reply.body().getBoolean("clientConnected", false)))
          .otherwise(new EgressSessions.Liveness(false, false));
    });
  }

  /** Consumer of this node's liveness address: the status of a session it owns. */
  void onLivenessAsked(Message<JsonObject> message) {
    local.liveness(message.body().getString("leaseId"), message.body().getString("sessionId"))
        .onSuccess(live -> message.reply(new JsonObject()
            .put("hostConnected", live.hostConnected())
            .put("clientConnected", live.clientConnected())))
        .onFailure(failure -> message.fail(500, failure.getMessage()));
  }
}
