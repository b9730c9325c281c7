package dev.crabbox.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.store.TelemetrySample;
import dev.crabbox.portal.view.Pill;
import dev.crabbox.portal.view.TelemetryView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryPanelTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private static TelemetrySample sample(Duration ago, double load, double memory, double disk) {
    return new TelemetrySample("cbx_1", "run_1", NOW.minus(ago), load, memory, disk);
  }

  private static List<String> pills(TelemetryView view) {
    return view.pills().stream().map(Pill::text).toList();
  }

  @Test
  void pillsStartExactlyAtTheThresholds() {
    assertEquals(List.of("high load", "high memory", "high disk"), pills(TelemetryPanel.of(
        List.of(sample(Duration.ZERO, 16, 85, 85)), NOW, true)));
    assertEquals(List.of(), pills(TelemetryPanel.of(
        List.of(sample(Duration.ZERO, 15.99, 84.9, 84.9)), NOW, true)));
  }

  @Test
  void telemetryIsStaleAfterTenMinutesOnlyWhereThatMatters() {
    List<TelemetrySample> old = List.of(sample(Duration.ofMinutes(10).plusSeconds(1), 1, 1, 1));
    assertEquals(List.of("stale telemetry"), pills(TelemetryPanel.of(old, NOW, true)));
    assertEquals(List.of(), pills(TelemetryPanel.of(old, NOW, false)), "a finished run");
    assertEquals(List.of(), pills(TelemetryPanel.of(
        List.of(sample(Duration.ofMinutes(10), 1, 1, 1)), NOW, true)));
  }

  @Test
  void sparklinesNeedTwoSamples() {
    TelemetryView one = TelemetryPanel.of(List.of(sample(Duration.ZERO, 1, 2, 3)), NOW, true);
    assertFalse(one.trend());
    assertEquals("", one.gauges().get(0).points());
    TelemetryView two = TelemetryPanel.of(List.of(sample(Duration.ofMinutes(1), 0, 0, 0),
        sample(Duration.ZERO, 16, 100, 50)), NOW, true);
    assertTrue(two.trend());
    assertEquals("0.0,27.0 120.0,1.0", two.gauges().get(0).points());
    assertEquals("0.0,27.0 120.0,1.0", two.gauges().get(1).points());
    assertEquals("0.0,27.0 120.0,14.0", two.gauges().get(2).points());
    assertTrue(TelemetryPanel.of(List.of(), NOW, true).gauges().isEmpty());
  }
}
