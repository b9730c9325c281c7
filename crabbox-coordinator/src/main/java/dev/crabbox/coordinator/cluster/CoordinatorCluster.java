package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.bridge.LeaseBridges;
import dev.crabbox.coordinator.bridge.RemoteBridges;
import dev.crabbox.coordinator.egress.BridgeGrant;
import dev.crabbox.coordinator.egress.EgressSessions;
import dev.crabbox.coordinator.egress.SessionEndpoint;
import dev.crabbox.coordinator.egress.SessionPlacement;
import dev.crabbox.coordinator.http.ServerOptionsFactory;
import dev.crabbox.coordinator.lease.WorkLocks;
import dev.crabbox.coordinator.metrics.CoordinatorMetrics;
import dev.crabbox.coordinator.store.StoreKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This coordinator's membership in a cluster of coordinators: its node id, the cluster-wide maps
 * (node listeners, session owners, lease bridge agents, the shared relay secret), the cluster
 * locks of lease work, and the pieces it adds to the coordinator (session placement, the relay
 * routes, health details).
 * Exists only when Vert.x runs clustered; a single coordinator never creates one.
 *
 * <p>Every node must run with the same signing key (the {@code signing-key} and {@code
 * admin-token} files of its data directory), so that a token minted by one node is accepted by
 * all: joining checks the key's fingerprint against the cluster's and refuses to start on a
 * mismatch.
 */
public final class CoordinatorCluster {

  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorCluster.class);
  static final String CLUSTER_MAP = "crabbox.cluster";
  static final String NODES_MAP = "crabbox.cluster.nodes";
  static final String KEY_FINGERPRINT = "signing-key-sha256";
  static final String RELAY_SECRET = "relay-secret";
  /** How long lease work waits for a lock another node holds before leaving the work to it. */
  private static final Duration LOCK_WAIT = Duration.ofMillis(200);
  private static final int RELAY_CONNECT_TIMEOUT_MS = 3000;

  private final Vertx vertx;
  private final CoordinatorOptions options;
  private final ClusterManager manager;
  private final AsyncMap<String, String> nodes;
  private final SessionOwners owners;
  private final BridgeAgents bridgeAgents;
  private final String relaySecret;
  private final CoordinatorMetrics metrics;
  private final WebSocketClient relayClient;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  private CoordinatorCluster(Vertx vertx, CoordinatorOptions options, AsyncMap<String, String> nodes,
      AsyncMap<String, String> ownerMap, AsyncMap<String, String> agentMap, String relaySecret,
      CoordinatorMetrics metrics) {
    this.vertx = vertx;
    this.options = options;
    this.manager = ((VertxInternal) vertx).clusterManager();
    this.nodes = nodes;
    this.owners = new SessionOwners(ownerMap, manager.getNodeId(),
        node -> manager.getNodes().contains(node));
    this.relaySecret = relaySecret;
    this.metrics = metrics;
    // A short connect timeout: an owner that does not answer is taken over, not waited for.
    this.relayClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setConnectTimeout(RELAY_CONNECT_TIMEOUT_MS)
        .setMaxFrameSize(ServerOptionsFactory.MAX_WEBSOCKET_FRAME)
        .setMaxMessageSize(ServerOptionsFactory.MAX_WEBSOCKET_MESSAGE));
    this.bridgeAgents = new BridgeAgents(agentMap, manager.getNodeId(),
        node -> manager.getNodes().contains(node), this::nodeUrl, relayClient, relaySecret);
  }

  /**
   * Joins: checks that this node's signing key is the cluster's (the first node sets it) and
   * fetches the relay secret (the first node makes it). Fails with a message for the operator
   * when the store is not PostgreSQL or the keys differ.
   */
  public static Future<CoordinatorCluster> join(Vertx vertx, CoordinatorOptions options,
      CoordinatorKeys keys, CoordinatorMetrics metrics) {
    if (!vertx.isClustered()) {
      return Future.failedFuture(new IllegalStateException("Vert.x is not clustered"));
    }
    if (options.getStore() != StoreKind.POSTGRES) {
      return Future.failedFuture(new IllegalStateException("a clustered coordinator keeps its "
          + "state in PostgreSQL: start every node with --store postgres --pg-url"));
    }
    String fingerprint = fingerprint(keys);
    Future<AsyncMap<String, String>> clusterMap = vertx.sharedData().getClusterWideMap(CLUSTER_MAP);
    Future<String> secret = clusterMap.compose(map -> map.putIfAbsent(KEY_FINGERPRINT, fingerprint)
        .compose(existing -> existing == null || existing.equals(fingerprint)
            ? map.putIfAbsent(RELAY_SECRET, newSecret())
            .compose(previous -> map.get(RELAY_SECRET))
            : Future.failedFuture(new IllegalStateException("this node's signing key ("
                + keys.dataDir().resolve(CoordinatorKeys.SIGNING_KEY_FILE) + ") differs from the "
                + "cluster's; copy signing-key and admin-token from a running node's data "
                + "directory before starting this one"))));
    Future<AsyncMap<String, String>> nodes = vertx.sharedData().getClusterWideMap(NODES_MAP);
    Future<AsyncMap<String, String>> owners = vertx.sharedData()
        .getClusterWideMap(SessionOwners.MAP);
    Future<AsyncMap<String, String>> agents = vertx.sharedData()
        .getClusterWideMap(BridgeAgents.MAP);
    return Future.all(secret, nodes, owners, agents).map(all -> new CoordinatorCluster(vertx,
        options, nodes.result(), owners.result(), agents.result(), secret.result(), metrics));
  }

  private static String fingerprint(CoordinatorKeys keys) {
    try {
      byte[] key = keys.verificationKey().getBuffer().getBytes();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  Vertx vertx() {
    return vertx;
  }

  SessionOwners owners() {
    return owners;
  }

  /** This node's id in the cluster. */
  public String nodeId() {
    return manager.getNodeId();
  }

  /** How many nodes the cluster has right now, this one included. */
  public int size() {
    return manager.getNodes().size();
  }

  /** Cluster-wide locks for the sweeper and the provisioner. */
  public WorkLocks workLocks() {
    return WorkLocks.of(vertx.sharedData(), LOCK_WAIT);
  }

  /**
   * The session placement of this node, built on {@code local}, the placement of this node's own
   * {@code sessions}; call on the coordinator verticle's context, once.
   */
  public SessionPlacement placement(SessionPlacement local, EgressSessions sessions) {
    ClusterPlacement placement = new ClusterPlacement(this, local, sessions,
        vertx.getOrCreateContext());
    consumers.add(vertx.eventBus().<JsonObject>consumer(ClusterPlacement.SESSION_CHANGED,
        placement::onSessionChanged));
    consumers.add(vertx.eventBus().<JsonObject>consumer(
        ClusterPlacement.livenessAddress(nodeId()), placement::onLivenessAsked));
    consumers.add(vertx.eventBus().<JsonObject>consumer(ClusterPlacement.OWNER_MOVED,
        placement::onOwnerMoved));
    return placement;
  }

  /** Where this node records its lease bridge agents and reaches those of the other nodes. */
  public RemoteBridges remoteBridges() {
    return bridgeAgents;
  }

  /**
   * Mounts the node-to-node relay routes; {@code local} is this node's own placement, {@code
   * bridges} its lease bridge agents.
   */
  public void mount(Router router, SessionPlacement local, LeaseBridges bridges) {
    new RelayRoute(relaySecret, owners, local).mount(router);
    new BridgeRelayRoute(relaySecret, bridges).mount(router);
  }

  /** The lease is over on every node: forget its session's owner. */
  public Future<Void> leaseEnded(String leaseId) {
    return owners.forget(leaseId);
  }

  /**
   * Tells the cluster where this node's listener is, for relays: the cluster host (the address
   * the other nodes reach) with the HTTP port.
   */
  public Future<Void> announce(int httpPort) {
    String url = (options.isTls() ? "https" : "http") + "://" + urlHost(manager.getNodeInfo().host())
        + ":" + httpPort;
    LOG.info("cluster node {} ({} nodes) relays at {}", nodeId(), size(), url);
    return nodes.put(nodeId(), url);
  }

  private static String urlHost(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  Future<Optional<String>> nodeUrl(String nodeId) {
    if (!manager.getNodes().contains(nodeId)) {
      return Future.succeededFuture(Optional.empty());
    }
    return nodes.get(nodeId).map(Optional::ofNullable);
  }

  SessionEndpoint relayTo(String ownerUrl,
      Function<BridgeGrant, Future<SessionEndpoint>> takeOver) {
    return new RelayEndpoint(vertx, relayClient, ownerUrl, relaySecret, nodeId(),
        options.getPingInterval(), options.getIdleTimeout(), metrics, takeOver);
  }

  /** {@code {"nodeId":..,"clusterSize":..}} for {@code /v1/health}. */
  public JsonObject health() {
    return new JsonObject().put("nodeId", nodeId()).put("clusterSize", size());
  }

  /** Leaves politely: no more relays to this node, no more control messages for it. */
  public Future<Void> leave() {
    List<Future<Void>> done = new ArrayList<>();
    consumers.forEach(consumer -> done.add(consumer.unregister()));
    done.add(nodes.remove(nodeId()).mapEmpty());
    return Future.join(done).eventually(relayClient::close).mapEmpty();
  }
}
