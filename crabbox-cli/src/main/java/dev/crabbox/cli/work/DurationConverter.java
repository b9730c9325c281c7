package dev.crabbox.cli.work;

import dev.crabbox.protocol.time.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations on the command line as the API spells them ({@link DurationText}: {@code 90m},
 * {@code 1h30m}, {@code 45s}, whole seconds), plus {@code <n>ms} for the hidden test intervals.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String text = value.trim();
    try {
      if (text.matches("\\d+ms")) {
        Duration millis = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        if (millis.isZero()) {
          throw new IllegalArgumentException("\"" + value + "\" must be positive");
        }
        return millis;
      }
      return DurationText.parse(value, text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The API's spelling of {@code d} ({@code 1h30m}); sub-second parts are dropped. */
  static String wire(Duration d) {
    return DurationText.format(d.getSeconds() == 0 ? Duration.ofSeconds(1) : d);
  }
}
