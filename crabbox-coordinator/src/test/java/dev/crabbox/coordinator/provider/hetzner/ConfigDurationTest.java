package dev.crabbox.coordinator.provider.hetzner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigDurationTest {

  @Test
  void readsSecondsAndUnitText() {
    assertEquals(Duration.ofSeconds(45), ConfigDuration.parse("k", 45));
    assertEquals(Duration.ofSeconds(90), ConfigDuration.parse("k", "90"));
    assertEquals(Duration.ofSeconds(30), ConfigDuration.parse("k", " 30s "));
    assertEquals(Duration.ofMinutes(2), ConfigDuration.parse("k", "2m"));
    assertEquals(Duration.ofMinutes(90), ConfigDuration.parse("k", "1h30m"));
    assertEquals(Duration.ofMillis(1500), ConfigDuration.parse("k", "1s500ms"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "30 s", "2x", "m2", "-5", "0", "0m", "99999999999"})
  void refusesAnythingElseNamingTheSetting(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfigDuration.parse("providers.hetzner.pollInterval", text));
    assertEquals("providers.hetzner.pollInterval must be a positive duration such as \"30s\", "
        + "\"2m\" or a number of seconds; got \"" + text + "\"", e.getMessage());
  }

  @Test
  void printsTheShortestExactForm() {
    assertEquals("30s", ConfigDuration.format(Duration.ofSeconds(30)));
    assertEquals("10m", ConfigDuration.format(Duration.ofMinutes(10)));
    assertEquals("1h30m", ConfigDuration.format(Duration.ofMinutes(90)));
    assertEquals("300ms", ConfigDuration.format(Duration.ofMillis(300)));
    assertEquals("1500ms", ConfigDuration.format(Duration.ofMillis(1500)));
  }
}
