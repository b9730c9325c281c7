package dev.crabbox.coordinator.provider.hetzner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.ProvisionRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HetznerLabelsTest {

  @Test
  void labelValuesKeepToTheApisCharacterSet() {
    assertEquals("alice_example.com", HetznerLabels.labelValue("alice@example.com"));
    assertEquals("cbx_0123456789ab", HetznerLabels.labelValue("cbx_0123456789ab"));
    assertEquals("x", HetznerLabels.labelValue("--x__"));
    assertEquals("", HetznerLabels.labelValue(""));
    String longOwner = "o".repeat(70) + "@corp";
    assertEquals("o".repeat(63), HetznerLabels.labelValue(longOwner));
  }

  @Test
  void serverNamesAreHostnamesUniquePerLease() {
    assertEquals("crabbox-swift-crab-0123456789ab",
        HetznerLabels.serverName(request("cbx_0123456789ab", "swift-crab")));
    assertEquals("crabbox-odd-slug-0123456789ab",
        HetznerLabels.serverName(request("cbx_0123456789ab", "Odd__Slug!")));
    String name = HetznerLabels.serverName(request("cbx_0123456789ab", "s".repeat(80)));
    assertTrue(name.length() <= 63 && name.endsWith("-0123456789ab")
        && name.matches("[a-z0-9][a-z0-9-]*[a-z0-9]"), name);
  }

  @Test
  void theLeaseSelectorMatchesTheLeaseLabel() {
    assertEquals("crabbox-lease=cbx_0123456789ab",
        HetznerLabels.leaseSelector("cbx_0123456789ab"));
  }

  private static ProvisionRequest request(String leaseId, String slug) {
    return new ProvisionRequest(leaseId, slug, "alice", "", "linux", null, "", Map.of(), Map.of());
  }
}
