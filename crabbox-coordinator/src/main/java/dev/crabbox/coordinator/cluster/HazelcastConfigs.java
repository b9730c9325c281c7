package dev.crabbox.coordinator.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * The Hazelcast member configuration of a coordinator node: Vert.x's own defaults (the maps and
 * semaphores its cluster manager needs), then TCP/IP join with the given members, no multicast or
 * auto-detection, and failure detection tuned so that a dead node leaves the cluster within a few
 * seconds instead of Hazelcast's default minute.
 */
public final class HazelcastConfigs {

  /** Cluster name: members of another Hazelcast cluster on the same hosts never join ours. */
  public static final String CLUSTER_NAME = "crabbox-coordinator";
  /** Heartbeats every second; a member silent for 4 s is declared dead. */
  static final String HEARTBEAT_SECONDS = "1";
  static final String MAX_NO_HEARTBEAT_SECONDS = "4";

  private HazelcastConfigs() {}

  public static Config build(ClusterSettings settings) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(CLUSTER_NAME);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // Vert.x leaves the cluster itself when it closes; Hazelcast's own hook would race it.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", HEARTBEAT_SECONDS);
    config.setProperty("hazelcast.max.no.heartbeat.seconds", MAX_NO_HEARTBEAT_SECONDS);
    // A member whose connection drops is suspected at once rather than after many retries.
    config.setProperty("hazelcast.connection.monitor.max.faults", "1");
    config.setProperty("hazelcast.local.localAddress", settings.host());
    config.setProperty("hazelcast.socket.bind.any", "false");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.setPublicAddress(settings.host() + ":" + settings.port());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members().isEmpty()
        ? java.util.List.of(settings.host() + ":" + settings.port())
        : settings.members());
    return config;
  }
}
