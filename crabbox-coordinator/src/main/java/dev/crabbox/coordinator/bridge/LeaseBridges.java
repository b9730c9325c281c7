package dev.crabbox.coordinator.bridge;

import dev.crabbox.coordinator.egress.CloseReasons;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected lease bridge agents of this node, at most one per lease and kind, and the way to
 * reach a lease's loopback VNC or code-server port through them: {@link #openStream}. A newer
 * agent of the same lease and kind replaces the older one (closed 1012, which ends it for good);
 * a lease that ends closes its agents (1008).
 */
public final class LeaseBridges {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseBridges.class);
  /** How long the agent may take to answer OPEN (its dial of the loopback port). */
  static final long OPEN_TIMEOUT_MS = 15_000;

  private final Vertx vertx;
  private final Duration pingInterval;
  private final Duration idleTimeout;
  private final Map<String, AgentSocket> agents = new ConcurrentHashMap<>();
  private final RemoteBridges remote;

  public LeaseBridges(Vertx vertx, Duration pingInterval, Duration idleTimeout) {
    this(vertx, pingInterval, idleTimeout, RemoteBridges.NONE);
  }

  /** {@code remote}: the agents of the other nodes of a cluster. */
  public LeaseBridges(Vertx vertx, Duration pingInterval, Duration idleTimeout,
      RemoteBridges remote) {
    this.vertx = vertx;
    this.pingInterval = pingInterval;
    this.idleTimeout = idleTimeout;
    this.remote = remote;
  }

  /**
   * A duplex byte stream to the lease's loopback port of {@code kind} (127.0.0.1:5900 or :8080),
   * through the lease's connected bridge agent. Fails with 503 {@code bridge_unavailable} when
   * no agent of that kind is connected, and with 502 {@code bridge_target_unavailable} when the
   * agent cannot reach the port (nothing listens there). In a cluster, an agent connected to
   * another node is reached through that node. The stream is used on the context of the caller,
   * which must be the coordinator's (where the agent sockets live).
   */
  public Future<LeaseBridgeStream> openStream(String leaseId, LeaseBridgeKind kind) {
    AgentSocket agent = agents.get(key(leaseId, kind));
    if (agent == null || !agent.isOpen()) {
      return remote.openStream(leaseId, kind);
    }
    return openHere(agent, leaseId, kind);
  }

  /**
   * {@link #openStream} through an agent connected to this node only: 503 when there is none
   * (a relayed request never travels on to a third node).
   */
  public Future<LeaseBridgeStream> openStreamHere(String leaseId, LeaseBridgeKind kind) {
    AgentSocket agent = agents.get(key(leaseId, kind));
    return agent == null || !agent.isOpen() ? Future.failedFuture(notConnected(leaseId, kind))
        : openHere(agent, leaseId, kind);
  }

  private Future<LeaseBridgeStream> openHere(AgentSocket agent, String leaseId,
      LeaseBridgeKind kind) {
    Promise<LeaseBridgeStream> result = Promise.promise();
    Context context = agent.context();
    long timer = vertx.setTimer(OPEN_TIMEOUT_MS, id -> result.tryFail(new ApiException(504,
        "bridge_timeout", "the " + kind.wire() + " bridge agent of lease " + leaseId
        + " did not answer in time")));
    context.runOnContext(v -> agent.open().onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        if (!result.tryComplete(ar.result())) {
          ar.result().reset("gave up waiting");
        }
      } else {
        result.tryFail(new ApiException(502, "bridge_target_unavailable", ar.cause().getMessage()));
      }
    }));
    return result.future();
  }

  /** True while an agent of {@code kind} is connected for the lease on this node. */
  public boolean connected(String leaseId, LeaseBridgeKind kind) {
    AgentSocket agent = agents.get(key(leaseId, kind));
    return agent != null && agent.isOpen();
  }

  /** True while an agent of {@code kind} is connected for the lease on any node of the cluster. */
  public Future<Boolean> connectedAnywhere(String leaseId, LeaseBridgeKind kind) {
    return connected(leaseId, kind) ? Future.succeededFuture(true)
        : remote.connectedElsewhere(leaseId, kind);
  }

  /** Takes a freshly upgraded agent socket; an older agent of the lease and kind is replaced. */
  void attach(String leaseId, LeaseBridgeKind kind, ServerWebSocket ws) {
    // Called from the upgrade's callback: the coordinator's context, where the socket lives.
    Context context = vertx.getOrCreateContext();
    AgentSocket agent = AgentSocket.start(leaseId, kind, ws, context, pingInterval, idleTimeout);
    String key = key(leaseId, kind);
    String agentId = UUID.randomUUID().toString();
    AgentSocket older = agents.put(key, agent);
    if (older != null) {
      older.close(CloseReasons.REPLACED_CODE, "replaced by a newer " + kind.wire() + " bridge agent");
    }
    Future<Void> recorded = remote.agentConnected(leaseId, kind, agentId).onFailure(failure ->
        LOG.warn("could not record the {} bridge agent of lease {} in the cluster: {}", kind.wire(),
            leaseId, failure.toString()));
    agent.closed().onComplete(v -> {
      if (agents.remove(key, agent)) {
        LOG.info("{} bridge agent of lease {} disconnected", kind.wire(), leaseId);
      }
      // After the record is written, so that a quick leaver does not leave it behind.
      recorded.eventually(() -> remote.agentLeft(leaseId, kind, agentId));
    });
    LOG.info("{} bridge agent of lease {} connected", kind.wire(), leaseId);
  }

  /** The lease ended: its agents are closed with 1008 and exit for good. */
  public Future<Void> leaseEnded(String leaseId, String reason) {
    List<Future<Void>> closed = new ArrayList<>();
    for (LeaseBridgeKind kind : LeaseBridgeKind.values()) {
      AgentSocket agent = agents.remove(key(leaseId, kind));
      if (agent != null) {
        closed.add(agent.close(CloseReasons.LEASE_OVER_CODE, reason));
      }
    }
    return Future.join(closed).mapEmpty();
  }

  /** Shutdown: every agent is closed with 1001 and will reconnect to another node or later. */
  public Future<Void> close() {
    List<Future<Void>> closed = new ArrayList<>();
    agents.values().forEach(agent -> closed.add(agent.close(CloseReasons.GOING_AWAY_CODE,
        CloseReasons.SHUTDOWN)));
    agents.clear();
    return Future.join(closed).mapEmpty();
  }

  /** 503 {@code bridge_unavailable}: no agent of {@code kind} for the lease, and how to start one. */
  public static ApiException notConnected(String lease, LeaseBridgeKind kind) {
    String command = kind == LeaseBridgeKind.VNC ? "crabbox webvnc" : "crabbox code";
    return new ApiException(503, "bridge_unavailable", "no " + kind.wire()
        + " bridge agent is connected for lease " + lease + "; start one with: " + command
        + " --id " + lease);
  }

  private static String key(String leaseId, LeaseBridgeKind kind) {
    return leaseId + "/" + kind.wire();
  }
}
