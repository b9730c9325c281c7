package dev.crabbox.cli.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The portal URLs {@code webvnc} and {@code code} print. */
class LeaseBridgeLaunchTest {

  @Test
  void portalUrlsFollowTheCoordinatorsBase() {
    assertEquals(URI.create("https://crabbox.example/portal/leases/blue-lobster/vnc"),
        LeaseBridgeLaunch.portalUrl(URI.create("https://crabbox.example/"), "blue-lobster", LeaseBridgeKind.VNC));
    assertEquals(URI.create("http://127.0.0.1:8420/crabbox/portal/leases/blue-lobster/code/"),
        LeaseBridgeLaunch.portalUrl(URI.create("http://127.0.0.1:8420/crabbox"), "blue-lobster",
            LeaseBridgeKind.CODE));
  }
}
