package dev.crabbox.coordinator.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * The Vert.x instance a coordinator process runs on, with Micrometer metrics in a Prometheus
 * registry (served at {@code /metrics}): standalone, or joined to the coordinators' Hazelcast
 * cluster. Clustered, the event bus binds the cluster host too, so that lease events and session
 * control messages travel on the same network as Hazelcast.
 */
public final class CoordinatorVertx {

  private CoordinatorVertx() {}

  /** A standalone Vert.x: no cluster manager is started. */
  public static Vertx standalone() {
    return builder(new VertxOptions()).build();
  }

  /** A Vert.x that joins the cluster described by {@code settings}. */
  public static Future<Vertx> clustered(ClusterSettings settings) {
    // Before Hazelcast's first log line, so that it too goes through SLF4J (Logback), not JUL.
    if (System.getProperty("hazelcast.logging.type") == null) {
      System.setProperty("hazelcast.logging.type", "slf4j");
    }
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost(settings.host()).setClusterPublicHost(settings.host());
    return builder(options)
        .withClusterManager(new HazelcastClusterManager(HazelcastConfigs.build(settings)))
        .buildClustered();
  }

  private static VertxBuilder builder(VertxOptions options) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setEnabled(true);
    return Vertx.builder().with(options.setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory());
  }
}
