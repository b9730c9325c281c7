package dev.crabbox.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UpgradeTargetTest {

  @Test
  void httpBecomesWsWithTheRolePath() {
    UpgradeTarget target = UpgradeTarget.of(URI.create("http://127.0.0.1:8420"), "blue-lobster", "client");
    assertEquals(new UpgradeTarget("127.0.0.1", 8420, false, "/v1/leases/blue-lobster/egress/client"), target);
    assertEquals("ws://127.0.0.1:8420/v1/leases/blue-lobster/egress/client", target.toString());
  }

  @Test
  void httpsBecomesWssOnPort443AndKeepsAPathPrefix() {
    UpgradeTarget target = UpgradeTarget.of(URI.create("https://broker.example.com/crabbox/"), "cbx_000000000001",
        "host");
    assertEquals(new UpgradeTarget("broker.example.com", 443, true, "/crabbox/v1/leases/cbx_000000000001/egress/host"),
        target);
  }

  @Test
  void leaseIsOnePathSegment() {
    assertEquals("/v1/leases/a%2Fb%20c/egress/host",
        UpgradeTarget.of(URI.create("ws://h"), "a/b c", "host").path());
  }

  @Test
  void leaseBridgeKindsUpgradeAtTheirAgentRoute() {
    assertEquals("/v1/leases/blue-lobster/bridges/vnc/agent",
        UpgradeTarget.of(URI.create("http://h"), "blue-lobster", "vnc").path());
    assertEquals("/v1/leases/blue-lobster/bridges/code/agent",
        UpgradeTarget.of(URI.create("http://h"), "blue-lobster", "code").path());
  }

  @Test
  void otherSchemesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> UpgradeTarget.of(URI.create("ftp://h"), "l", "host"));
  }
}
