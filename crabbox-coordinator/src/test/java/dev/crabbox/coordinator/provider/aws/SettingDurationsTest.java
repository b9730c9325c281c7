package dev.crabbox.coordinator.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations read from settings and written into messages the same way. */
class SettingDurationsTest {

  @ParameterizedTest
  @CsvSource({"30, PT30S, 30s", "30s, PT30S, 30s", "10m, PT10M, 10m", "1h30m, PT1H30M, 1h30m",
      "250ms, PT0.25S, 250ms", "1m500ms, PT1M0.5S, 60500ms", "90, PT1M30S, 1m30s"})
  void parsesAndFormats(String text, String iso, String formatted) {
    Duration duration = SettingDurations.parse("pollInterval", text);

    assertEquals(Duration.parse(iso), duration);
    assertEquals(formatted, SettingDurations.format(duration));
  }
}
