package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.egress.BridgeGrant;
import dev.crabbox.coordinator.egress.CloseReasons;
import dev.crabbox.coordinator.egress.SessionEndpoint;
import dev.crabbox.coordinator.metrics.CoordinatorMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bridge socket that landed on this node while another node owns its session: it is relayed
 * message for message over a node-to-node WebSocket to the owner, where it joins the session
 * actor like any socket. Backpressure holds end to end (each hop pauses its source while the next
 * write queue is full), close codes travel back unchanged (1008, 1011, 1012 reach the agent as
 * the owner sent them), and when the owner cannot be reached the session is taken over here.
 */
final class RelayEndpoint implements SessionEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(RelayEndpoint.class);
  static final String OWNER_LEFT = "egress session owner went away";

  private final Vertx vertx;
  private final WebSocketClient client;
  private final String ownerUrl;
  private final String relaySecret;
  private final String self;
  private final Duration pingInterval;
  private final Duration idleTimeout;
  private final CoordinatorMetrics metrics;
  /** Takes the session over on this node (on the coordinator's context) when the owner is gone. */
  private final Function<BridgeGrant, Future<SessionEndpoint>> takeOver;

  RelayEndpoint(Vertx vertx, WebSocketClient client, String ownerUrl, String relaySecret,
      String self, Duration pingInterval, Duration idleTimeout, CoordinatorMetrics metrics,
      Function<BridgeGrant, Future<SessionEndpoint>> takeOver) {
    this.vertx = vertx;
    this.client = client;
    this.ownerUrl = ownerUrl;
    this.relaySecret = relaySecret;
    this.self = self;
    this.pingInterval = pingInterval;
    this.idleTimeout = idleTimeout;
    this.metrics = metrics;
    this.takeOver = takeOver;
  }

  @Override
  public void attach(BridgeGrant grant, ServerWebSocket agent) {
    Context socketContext = vertx.getOrCreateContext();
    agent.pause(); // nothing is read before the owner's socket is there to take it
    Relayed relayed = new Relayed(agent);
    Future<WebSocket> connected;
    try {
      connected = client.connect(connectOptions(grant, agent.subProtocol()));
    } catch (RuntimeException e) {
      connected = Future.failedFuture(e);
    }
    connected
        .onSuccess(owner -> relayed.to(grant, owner))
        .onFailure(failure -> {
          LOG.info("owner of egress session {} (lease {}) unreachable at {}: {}; taking it over",
              grant.sessionId(), grant.leaseId(), ownerUrl, failure.toString());
          takeOver.apply(grant).onComplete(local -> socketContext.runOnContext(v -> {
            if (agent.isClosed()) {
              return;
            }
            if (local.succeeded()) {
              local.result().attach(grant, agent);
            } else {
              agent.close(CloseReasons.GOING_AWAY_CODE, OWNER_LEFT);
            }
          }));
        });
  }

  private WebSocketConnectOptions connectOptions(BridgeGrant grant, String subProtocol) {
    URI owner = URI.create(ownerUrl);
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(owner.getHost())
        .setPort(owner.getPort())
        .setSsl("https".equals(owner.getScheme()))
        .setURI(RelayHeaders.PATH)
        .addHeader(RelayHeaders.SECRET, relaySecret)
        .addHeader(RelayHeaders.LEASE, grant.leaseId())
        .addHeader(RelayHeaders.SLUG, grant.slug())
        .addHeader(RelayHeaders.SESSION, grant.sessionId())
        .addHeader(RelayHeaders.ROLE, grant.role().wire())
        .addHeader(RelayHeaders.FROM, self);
    if (subProtocol != null) {
      options.setSubProtocols(List.of(subProtocol));
    }
    return options;
  }

  /** The two sockets of one relayed bridge socket and their liveness. */
  private final class Relayed {

    private final ServerWebSocket agent;
    private WebSocket owner;
    private long timer = -1;
    private volatile long lastSeen = System.nanoTime();

    Relayed(ServerWebSocket agent) {
      this.agent = agent;
      // In place at once: an agent that leaves while the owner is being dialled is not missed.
      agent.closeHandler(v -> onAgentClosed());
    }

    void to(BridgeGrant grant, WebSocket ownerSocket) {
      owner = ownerSocket;
      if (agent.isClosed()) {
        owner.close();
        return;
      }
      metrics.crossNodeRelay();
      LOG.info("egress {} of lease {} session {} relayed to its owner {}", grant.role().wire(),
          grant.leaseId(), grant.sessionId(), ownerUrl);
      WebSocketPipe.forward(agent, owner, bytes -> lastSeen = System.nanoTime());
      WebSocketPipe.forward(owner, agent, bytes -> { });
      agent.pongHandler(pong -> lastSeen = System.nanoTime());
      // The owner pings this node's socket (Vert.x answers); the agent is pinged from here.
      timer = vertx.setPeriodic(pingInterval.toMillis(), id -> pingOrExpire());
      owner.closeHandler(v -> onOwnerClosed());
      agent.resume();
    }

    private void pingOrExpire() {
      if (System.nanoTime() - lastSeen > idleTimeout.toNanos()) {
        agent.close(CloseReasons.GOING_AWAY_CODE, CloseReasons.IDLE);
      } else if (!agent.isClosed()) {
        agent.writePing(Buffer.buffer("crabbox"));
      }
    }

    private void onOwnerClosed() {
      vertx.cancelTimer(timer);
      Short code = owner.closeStatusCode();
      if (code == null || !sendable(code)) {
        // The owner node died: the agent reconnects (1001 is not fatal) and lands on a survivor.
        agent.close(CloseReasons.GOING_AWAY_CODE, OWNER_LEFT);
      } else {
        agent.close(code, owner.closeReason() == null ? "" : owner.closeReason());
      }
    }

    private void onAgentClosed() {
      vertx.cancelTimer(timer);
      if (owner == null) {
        return;
      }
      Short code = agent.closeStatusCode();
      owner.close(code == null || !sendable(code) ? 1000 : code,
          agent.closeReason() == null ? "" : agent.closeReason());
    }
  }

  /** Close codes that may appear in a close frame (RFC 6455 7.4.1 reserves 1005, 1006, 1015). */
  private static boolean sendable(short code) {
    return code != 1005 && code != 1006 && code != 1015;
  }
}
