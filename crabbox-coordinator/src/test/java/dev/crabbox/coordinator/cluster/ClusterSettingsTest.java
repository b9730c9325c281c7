package dev.crabbox.coordinator.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Member lists and the Hazelcast configuration built from them. */
class ClusterSettingsTest {

  @Test
  void parsesMembersAndToleratesSpaces() {
    assertEquals(List.of("10.0.0.1:5701", "[fd00::2]:5702"),
        ClusterSettings.parseMembers(" 10.0.0.1:5701 , [fd00::2]:5702,"));
    assertEquals(List.of(), ClusterSettings.parseMembers(""));
    assertEquals(List.of(), ClusterSettings.parseMembers(null));
  }

  @Test
  void refusesMembersWithoutAUsablePort() {
    assertEquals("--cluster-members: 'db' is not host:port",
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.parseMembers("db"))
            .getMessage());
    assertEquals("--cluster-members: 'db:0' has no valid port (1..65535)",
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.parseMembers("db:0"))
            .getMessage());
    assertEquals("--cluster-members: 'db:x' has no valid port (1..65535)",
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.parseMembers("db:x"))
            .getMessage());
  }

  @Test
  void joinsOverTcpIpOnlyWithFastFailureDetection() {
    Config config = HazelcastConfigs.build(new ClusterSettings("10.0.0.1", 5801,
        List.of("10.0.0.1:5801", "10.0.0.2:5801")));
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertFalse(join.getMulticastConfig().isEnabled());
    assertFalse(join.getAutoDetectionConfig().isEnabled());
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertEquals(List.of("10.0.0.1:5801", "10.0.0.2:5801"), join.getTcpIpConfig().getMembers());
    assertEquals(5801, config.getNetworkConfig().getPort());
    assertFalse(config.getNetworkConfig().isPortAutoIncrement());
    assertEquals(HazelcastConfigs.MAX_NO_HEARTBEAT_SECONDS,
        config.getProperty("hazelcast.max.no.heartbeat.seconds"));
    assertEquals(HazelcastConfigs.CLUSTER_NAME, config.getClusterName());
  }

  @Test
  void aLoneNodeListsItselfAsTheMemberToJoin() {
    Config config = HazelcastConfigs.build(new ClusterSettings("127.0.0.1", 5701, List.of()));
    assertEquals(List.of("127.0.0.1:5701"),
        config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
  }
}
