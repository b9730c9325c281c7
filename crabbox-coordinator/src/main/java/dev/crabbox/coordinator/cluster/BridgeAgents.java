package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.bridge.LeaseBridgeStream;
import dev.crabbox.coordinator.bridge.LeaseBridges;
import dev.crabbox.coordinator.bridge.RemoteBridges;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Future;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide record of which node holds each lease's bridge agent of each kind ({@code
 * leaseId/kind} to {@code nodeId/agentId} in a Hazelcast map), and the way to open a stream
 * through an agent another node holds: a node-to-node WebSocket to that node's
 * {@link BridgeRelayRoute}, authenticated by the relay secret.
 */
final class BridgeAgents implements RemoteBridges {

  static final String MAP = "crabbox.bridges.agents";
  private static final Logger LOG = LoggerFactory.getLogger(BridgeAgents.class);

  private final AsyncMap<String, String> map;
  private final String self;
  private final Predicate<String> alive;
  private final Function<String, Future<Optional<String>>> nodeUrl;
  private final WebSocketClient client;
  private final String relaySecret;

  BridgeAgents(AsyncMap<String, String> map, String self, Predicate<String> alive,
      Function<String, Future<Optional<String>>> nodeUrl, WebSocketClient client,
      String relaySecret) {
    this.map = map;
    this.self = self;
    this.alive = alive;
    this.nodeUrl = nodeUrl;
    this.client = client;
    this.relaySecret = relaySecret;
  }

  @Override
  public Future<Void> agentConnected(String leaseId, LeaseBridgeKind kind, String agentId) {
    return map.put(key(leaseId, kind), self + "/" + agentId);
  }

  @Override
  public Future<Void> agentLeft(String leaseId, LeaseBridgeKind kind, String agentId) {
    return map.removeIfPresent(key(leaseId, kind), self + "/" + agentId).mapEmpty();
  }

  @Override
  public Future<LeaseBridgeStream> openStream(String leaseId, LeaseBridgeKind kind) {
    return holder(leaseId, kind).compose(node -> {
      if (node.isEmpty()) {
        return Future.failedFuture(notConnected(leaseId, kind));
      }
      return nodeUrl.apply(node.get()).compose(url -> url.isPresent()
          ? connect(url.get(), leaseId, kind)
          : Future.failedFuture(notConnected(leaseId, kind)));
    });
  }

  @Override
  public Future<Boolean> connectedElsewhere(String leaseId, LeaseBridgeKind kind) {
    return holder(leaseId, kind).map(Optional::isPresent);
  }

  /**
   * The other live node holding the agent. This node's own record without an agent here is
   * stale (the agent is just leaving), and a dead node's agent has gone with it.
   */
  private Future<Optional<String>> holder(String leaseId, LeaseBridgeKind kind) {
    return map.get(key(leaseId, kind)).map(value -> Optional.ofNullable(value)
        .map(recorded -> recorded.substring(0, recorded.indexOf('/')))
        .filter(node -> !node.equals(self) && alive.test(node)));
  }

  private Future<LeaseBridgeStream> connect(String url, String leaseId, LeaseBridgeKind kind) {
    URI node = URI.create(url);
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(node.getHost())
        .setPort(node.getPort())
        .setSsl("https".equals(node.getScheme()))
        .setURI(RelayHeaders.BRIDGE_PATH)
        .addHeader(RelayHeaders.SECRET, relaySecret)
        .addHeader(RelayHeaders.LEASE, leaseId)
        .addHeader(RelayHeaders.KIND, kind.wire())
        .addHeader(RelayHeaders.FROM, self);
    return client.connect(options)
        .<LeaseBridgeStream>map(RemoteBridgeStream::new)
        .recover(failure -> {
          if (failure instanceof UpgradeRejectedException rejected) {
            return Future.failedFuture(answer(rejected, leaseId, kind));
          }
          LOG.info("node {} holding the {} bridge agent of lease {} is unreachable: {}", url,
              kind.wire(), leaseId, failure.toString());
          return Future.failedFuture(notConnected(leaseId, kind));
        });
  }

  /** The holding node's refusal, as the same API failure a local open gives. */
  private static ApiException answer(UpgradeRejectedException rejected, String leaseId,
      LeaseBridgeKind kind) {
    try {
      JsonObject body = new JsonObject(rejected.getBody());
      String code = body.getString("error");
      String message = body.getString("message");
      if (code != null && message != null) {
        return new ApiException(rejected.getStatus(), code, message);
      }
    } catch (RuntimeException notJson) {
      // an answer without the API's error body: fall through
    }
    return rejected.getStatus() == 503 ? notConnected(leaseId, kind)
        : new ApiException(502, "bridge_target_unavailable", "the " + kind.wire()
            + " bridge of lease " + leaseId + " could not be opened on the node holding its agent");
  }

  private static ApiException notConnected(String leaseId, LeaseBridgeKind kind) {
    return LeaseBridges.notConnected(leaseId, kind);
  }

  private static String key(String leaseId, LeaseBridgeKind kind) {
    return leaseId + "/" + kind.wire();
  }
}
