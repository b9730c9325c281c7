package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.store.CoordinatorStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * The details {@code /v1/health} reports about this node: its id and the cluster's size (a
 * single coordinator is a cluster of one, node id {@value #SINGLE_NODE}), and whether the store
 * answers. A store that does not answer makes the node {@code unavailable} (503).
 */
public final class NodeHealth {

  public static final String SINGLE_NODE = "single";
  /** Looked up to probe the store; no lease has this id. */
  private static final String PROBE_ID = "health-probe";

  private NodeHealth() {}

  /** Health details of a node; {@code cluster} is null for a single coordinator. */
  public static Supplier<Future<JsonObject>> of(CoordinatorStore store, CoordinatorCluster cluster) {
    return () -> {
      JsonObject node = cluster == null
          ? new JsonObject().put("nodeId", SINGLE_NODE).put("clusterSize", 1)
          : cluster.health();
      return store.findLease(PROBE_ID)
          .map(found -> node.put("store", "ok"))
          .otherwise(failure -> node.put("store", "unavailable").put("status", "unavailable"));
    };
  }
}
