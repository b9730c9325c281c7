package dev.crabbox.protocol.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({"90m,5400", "2h,7200", "45s,45", "1h30m,5400", "5400,5400", "1h0m5s,3605", "1m500ms,60.5"})
  void parsesSecondsAndGoStyleText(String text, double seconds) {
    assertEquals(Duration.ofMillis(Math.round(seconds * 1000)), DurationText.parse("ttl", text));
  }

  @ParameterizedTest
  @CsvSource({"5400000,1h30m", "7200000,2h", "45000,45s", "3605000,1h5s", "60000,1m", "500,500ms"})
  void formatsTheShortestText(long millis, String text) {
    assertEquals(text, DurationText.format(Duration.ofMillis(millis)));
    assertEquals(Duration.ofMillis(millis), DurationText.parse("x", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "m", "90x", "1.5h", "-5m", "0", "0s", "h90"})
  void refusesWithTheFieldNamed(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DurationText.parse("idleTimeout", text));
    assertTrue(e.getMessage().contains("idleTimeout"), e.getMessage());
  }
}
