package dev.crabbox.coordinator.egress;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which session actor serves which lease on this node. At most one per lease: asking for a new
 * session id ends the old actor first (1012). Used only from the coordinator verticle's context.
 *
 * <p>The actors are deployed from that context, so they are children of the coordinator's
 * deployment, and Vert.x undeploys children before it calls their parent's stop: on shutdown
 * each actor closes its own sockets (1001) and this registry has nothing left to do. An actor
 * that Vert.x is stopping is never sent control messages; its address may be gone already.
 */
public final class EgressSessions {

  private static final Logger LOG = LoggerFactory.getLogger(EgressSessions.class);
  private static final String ADDRESS_PREFIX = "crabbox.egress.session.";

  /** Which sockets of a session are open right now. */
  public record Liveness(boolean hostConnected, boolean clientConnected) {
    static final Liveness NONE = new Liveness(false, false);
  }

  /** A deployed (or deploying) actor. */
  private record Handle(String sessionId, EgressSessionVerticle actor, Future<String> deployment) {

    /** Vert.x is stopping it together with the coordinator: it closes its sockets itself. */
    boolean stopping() {
      return actor.stopping().isComplete();
    }
  }

  private final Vertx vertx;
  private final Duration pingInterval;
  private final Duration idleTimeout;
  private final Map<String, Handle> byLease = new HashMap<>();
  private final EgressMeter meter;

  public EgressSessions(Vertx vertx, Duration pingInterval, Duration idleTimeout) {
    this(vertx, pingInterval, idleTimeout, EgressMeter.NONE);
  }

  /** Counting sessions, tickets and relayed traffic with {@code meter}. */
  public EgressSessions(Vertx vertx, Duration pingInterval, Duration idleTimeout,
      EgressMeter meter) {
    this.vertx = vertx;
    this.pingInterval = pingInterval;
    this.idleTimeout = idleTimeout;
    this.meter = meter;
  }

  /** What this node's egress counts with. */
  public EgressMeter meter() {
    return meter;
  }

  /** The actor of the lease's session {@code sessionId}, deploying it (and ending another) as needed. */
  Future<EgressSessionVerticle> actorFor(String leaseId, String sessionId) {
    Handle handle = byLease.get(leaseId);
    if (handle != null && handle.sessionId().equals(sessionId)) {
      // A stopping actor still takes the socket, and closes it at once with its end reason.
      return handle.deployment().map(handle.actor());
    }
    if (handle != null) {
      end(leaseId, CloseReasons.REPLACED_CODE, CloseReasons.REPLACED);
    }
    EgressSessionVerticle actor = new EgressSessionVerticle(leaseId, sessionId,
        ADDRESS_PREFIX + UUID.randomUUID(), pingInterval, idleTimeout);
    Future<String> deployment = vertx.deployVerticle(actor);
    meter.sessionStarted();
    Handle fresh = new Handle(sessionId, actor, deployment);
    byLease.put(leaseId, fresh);
    deployment.onFailure(failure -> byLease.remove(leaseId, fresh));
    return deployment.map(actor);
  }

  /** A new session became current: the old one's sockets go (1012). */
  public void sessionChanged(String leaseId, String currentSessionId) {
    Handle handle = byLease.get(leaseId);
    if (handle != null && !handle.sessionId().equals(currentSessionId)) {
      end(leaseId, CloseReasons.REPLACED_CODE, CloseReasons.REPLACED);
    }
  }

  /**
   * Closes the lease's session sockets with {@code code}/{@code reason} and retires its actor;
   * completes when the sockets are closed and the actor is undeployed.
   */
  public Future<Void> end(String leaseId, short code, String reason) {
    Handle handle = byLease.remove(leaseId);
    if (handle == null || handle.stopping()) {
      return Future.succeededFuture();
    }
    LOG.info("egress session {} of lease {} ended: {} {}", handle.sessionId(), leaseId, code, reason);
    return handle.deployment()
        .compose(id -> vertx.eventBus().request(handle.actor().address(), new JsonObject()
                .put("action", "end").put("code", code).put("reason", reason))
            // No handler any more: Vert.x is stopping the actor with the coordinator.
            .recover(failure -> handle.stopping()
                ? Future.succeededFuture()
                : Future.failedFuture(failure))
            .compose(replied -> vertx.undeploy(id)
                // Refused only when Vert.x undeploys it already, with the coordinator: its stop,
                // which closes the sockets (1001), has begun or is scheduled.
                .recover(refused -> handle.actor().stopping())));
  }

  /** Live sockets of the lease's session {@code sessionId}. */
  public Future<Liveness> liveness(String leaseId, String sessionId) {
    Handle handle = byLease.get(leaseId);
    if (handle == null || !handle.sessionId().equals(sessionId) || handle.stopping()) {
      return Future.succeededFuture(Liveness.NONE);
    }
    return handle.deployment()
        .compose(id -> vertx.eventBus().<JsonObject>request(handle.actor().address(),
            new JsonObject().put("action", "status")))
        .map(reply -> new Liveness(reply.body().getBoolean("hostConnected", false),
            reply.body().getBoolean("clientConnected", false)))
        .otherwise(Liveness.NONE);
  }
}
