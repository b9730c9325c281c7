package dev.crabbox.coordinator.egress;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which session actor serves which lease on this node. At most one per lease: asking for a new
 * session id ends the old actor first (1012). Used only from the coordinator verticle's context.
 */
public final class EgressSessions {

  private static final Logger LOG = LoggerFactory.getLogger(EgressSessions.class);
  private static final String ADDRESS_PREFIX = "crabbox.egress.session.";

  /** Which sockets of a session are open right now. */
  public record Liveness(boolean hostConnected, boolean clientConnected) {
    static final Liveness NONE = new Liveness(false, false);
  }

  /** A deployed (or deploying) actor. */
  private record Handle(String sessionId, String address, Future<EgressSessionVerticle> actor,
      Future<String> deployment) {
  }

  private final Vertx vertx;
  private final Duration pingInterval;
  private final Duration idleTimeout;
  private final Map<String, Handle> byLease = new HashMap<>();

  public EgressSessions(Vertx vertx, Duration pingInterval, Duration idleTimeout) {
    this.vertx = vertx;
    this.pingInterval = pingInterval;
    this.idleTimeout = idleTimeout;
  }

  /** The actor of the lease's session {@code sessionId}, deploying it (and ending another) as needed. */
  Future<EgressSessionVerticle> actorFor(String leaseId, String sessionId) {
    Handle handle = byLease.get(leaseId);
    if (handle != null && handle.sessionId().equals(sessionId)) {
      return handle.actor();
    }
    if (handle != null) {
      end(leaseId, CloseReasons.REPLACED_CODE, CloseReasons.REPLACED);
    }
    String address = ADDRESS_PREFIX + UUID.randomUUID();
    EgressSessionVerticle actor = new EgressSessionVerticle(leaseId, sessionId, address,
        pingInterval, idleTimeout);
    Future<String> deployment = vertx.deployVerticle(actor);
    Handle fresh = new Handle(sessionId, address, deployment.map(id -> actor), deployment);
    byLease.put(leaseId, fresh);
    deployment.onFailure(failure -> byLease.remove(leaseId, fresh));
    return fresh.actor();
  }

  /** A new session became current: the old one's sockets go (1012). */
  public void sessionChanged(String leaseId, String currentSessionId) {
    Handle handle = byLease.get(leaseId);
    if (handle != null && !handle.sessionId().equals(currentSessionId)) {
      end(leaseId, CloseReasons.REPLACED_CODE, CloseReasons.REPLACED);
    }
  }

  /** Closes the lease's session sockets with {@code code}/{@code reason} and retires its actor. */
  public Future<Void> end(String leaseId, short code, String reason) {
    Handle handle = byLease.remove(leaseId);
    if (handle == null) {
      return Future.succeededFuture();
    }
    LOG.info("egress session {} of lease {} ended: {} {}", handle.sessionId(), leaseId, code, reason);
    return handle.deployment()
        .compose(id -> vertx.eventBus().request(handle.address(), new JsonObject()
                .put("action", "end").put("code", code).put("reason", reason))
            .transform(replied -> vertx.undeploy(id)))
        .recover(failure -> {
          // Already gone, e.g. undeployed with the coordinator (its stop closed the sockets).
          LOG.debug("egress session actor of lease {} already gone: {}", leaseId, failure.toString());
          return Future.succeededFuture();
        })
        .mapEmpty();
  }

  /** Live sockets of the lease's session {@code sessionId}. */
  public Future<Liveness> liveness(String leaseId, String sessionId) {
    Handle handle = byLease.get(leaseId);
    if (handle == null || !handle.sessionId().equals(sessionId)) {
      return Future.succeededFuture(Liveness.NONE);
    }
    return handle.deployment()
        .compose(id -> vertx.eventBus().<JsonObject>request(handle.address(),
            new JsonObject().put("action", "status")))
        .map(reply -> new Liveness(reply.body().getBoolean("hostConnected", false),
            reply.body().getBoolean("clientConnected", false)))
        .otherwise(Liveness.NONE);
  }

  /** Ends every session (coordinator shutdown: agents may reconnect later). */
  public Future<Void> endAll() {
    List<Future<Void>> ends = new ArrayList<>();
    for (String leaseId : new ArrayList<>(byLease.keySet())) {
      ends.add(end(leaseId, CloseReasons.GOING_AWAY_CODE, CloseReasons.SHUTDOWN));
    }
    return Future.join(ends).mapEmpty();
  }
}
