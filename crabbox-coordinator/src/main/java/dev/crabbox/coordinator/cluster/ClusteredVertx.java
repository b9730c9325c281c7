package dev.crabbox.coordinator.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Starts a Vert.x instance that joins the coordinators' Hazelcast cluster. The clustered event
 * bus binds the cluster host too, so that lease events and session control messages reach the
 * other nodes on the same network as Hazelcast.
 */
public final class ClusteredVertx {

  private ClusteredVertx() {}

  /** Joins the cluster described by {@code settings}, with {@code options} for the rest. */
  public static Future<Vertx> start(ClusterSettings settings, VertxOptions options) {
    options.getEventBusOptions().setHost(settings.host()).setClusterPublicHost(settings.host());
    return Vertx.builder()
        .with(options)
        .withClusterManager(new HazelcastClusterManager(HazelcastConfigs.build(settings)))
        .buildClustered();
  }
}
