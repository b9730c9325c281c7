package dev.crabbox.protocol.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvAndProbesTest {

  private static final String CHROME = "/usr/bin/google-chrome";

  @Test
  void desktopEnv() {
    assertEquals(
        List.of("DISPLAY=:99", "CRABBOX_DESKTOP=1"), pairs(CapabilityEnv.desktop()));
  }

  @Test
  void browserEnv() {
    assertEquals(
        List.of("BROWSER=" + CHROME, "CHROME_BIN=" + CHROME, "CRABBOX_BROWSER=1"),
        pairs(CapabilityEnv.browser(CHROME)));
    String mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    assertEquals(mac, CapabilityEnv.browser(mac).get("CHROME_BIN"));
    assertThrows(IllegalArgumentException.class, () -> CapabilityEnv.browser(" "));
    assertThrows(NullPointerException.class, () -> CapabilityEnv.browser(null));
  }

  @Test
  void runEnvPerCapabilitySet() {
    assertEquals(List.of(), pairs(CapabilityEnv.forRun(Set.of(), null)));
    assertEquals(List.of(), pairs(CapabilityEnv.forRun(Set.of(Capability.CODE), null)));
    assertEquals(
        List.of("DISPLAY=:99", "CRABBOX_DESKTOP=1"),
        pairs(CapabilityEnv.forRun(EnumSet.of(Capability.DESKTOP, Capability.CODE), CHROME)));
    assertEquals(
        List.of("BROWSER=" + CHROME, "CHROME_BIN=" + CHROME, "CRABBOX_BROWSER=1"),
        pairs(CapabilityEnv.forRun(Set.of(Capability.BROWSER), CHROME)));
    assertEquals(
        List.of(
            "DISPLAY=:99",
            "CRABBOX_DESKTOP=1",
            "BROWSER=" + CHROME,
            "CHROME_BIN=" + CHROME,
            "CRABBOX_BROWSER=1"),
        pairs(CapabilityEnv.forRun(EnumSet.allOf(Capability.class), CHROME)));
    assertThrows(
        IllegalArgumentException.class, () -> CapabilityEnv.forRun(Set.of(Capability.BROWSER), null));
    assertThrows(
        IllegalArgumentException.class, () -> CapabilityEnv.forRun(Set.of(Capability.BROWSER), ""));
    assertThrows(
        UnsupportedOperationException.class,
        () -> CapabilityEnv.forRun(Set.of(Capability.DESKTOP), null).put("X", "1"));
  }

  private static List<String> pairs(Map<String, String> env) {
    return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList());
  }

  @Test
  void linuxSearchOrder() {
    List<BrowserCandidate> order = Probes.browserSearchOrder(LeaseTarget.LINUX);
    assertEquals(
        List.of(
            new BrowserCandidate(BrowserCandidate.Source.ENV, "BROWSER"),
            new BrowserCandidate(BrowserCandidate.Source.ENV, "CHROME_BIN"),
            new BrowserCandidate(BrowserCandidate.Source.PATH, "google-chrome"),
            new BrowserCandidate(BrowserCandidate.Source.PATH, "chromium"),
            new BrowserCandidate(BrowserCandidate.Source.PATH, "chromium-browser")),
        order);
    assertEquals(
        List.of("$BROWSER", "$CHROME_BIN", "google-chrome", "chromium", "chromium-browser"),
        order.stream().map(BrowserCandidate::toString).collect(Collectors.toList()));
  }

  @Test
  void macosSearchOrder() {
    assertEquals(
        List.of(
            new BrowserCandidate(
                BrowserCandidate.Source.FILE,
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")),
        Probes.browserSearchOrder(LeaseTarget.MACOS));
  }

  @Test
  void windowsSearchOrder() {
    List<BrowserCandidate> order = Probes.browserSearchOrder(LeaseTarget.WINDOWS);
    assertEquals(
        List.of(
            new BrowserCandidate(BrowserCandidate.Source.PATH, "chrome.exe"),
            new BrowserCandidate(BrowserCandidate.Source.PATH, "msedge.exe")),
        order.subList(0, 2));
    for (BrowserCandidate c : order.subList(2, order.size())) {
      assertEquals(BrowserCandidate.Source.FILE, c.source());
      String v = c.value();
      assertEquals(true, v.startsWith("C:\\Program Files"), v);
      assertEquals(true, v.endsWith("\\chrome.exe") || v.endsWith("\\msedge.exe"), v);
    }
    assertEquals(
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", order.get(2).value());
    assertEquals(6, order.size());
  }

  @ParameterizedTest
  @EnumSource(LeaseTarget.class)
  void searchOrderIsImmutableAndNamedInTheNotFoundError(LeaseTarget target) {
    List<BrowserCandidate> order = Probes.browserSearchOrder(target);
    assertThrows(UnsupportedOperationException.class, () -> order.add(order.get(0)));
    String msg = Probes.browserNotFound(target);
    assertEquals(true, msg.contains(target.wireName()), msg);
    for (BrowserCandidate c : order) {
      assertEquals(true, msg.contains(c.toString()), msg);
    }
  }

  @Test
  void notFoundMessagesAndVncProbeAddress() {
    assertEquals(
        "--browser was requested but no browser was found on the linux host; searched $BROWSER,"
            + " $CHROME_BIN, google-chrome, chromium, chromium-browser",
        Probes.browserNotFound(LeaseTarget.LINUX));
    assertEquals("127.0.0.1", Probes.VNC_HOST);
    assertEquals(5900, Probes.VNC_PORT);
    assertEquals(
        "--desktop was requested but nothing is listening on 127.0.0.1:5900 on the host;"
            + " enable a VNC server bound to loopback",
        Probes.desktopNotFound());
    assertThrows(NullPointerException.class, () -> Probes.browserSearchOrder(null));
    assertThrows(NullPointerException.class, () -> new BrowserCandidate(null, "x"));
    assertThrows(
        NullPointerException.class, () -> new BrowserCandidate(BrowserCandidate.Source.PATH, null));
  }
}
