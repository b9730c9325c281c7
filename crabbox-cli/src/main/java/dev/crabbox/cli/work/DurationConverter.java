package dev.crabbox.cli.work;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations on the command line as the API spells them: {@code 90m}, {@code 1h30m}, {@code 45s},
 * or whole seconds; {@code ms} for the hidden test intervals.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  @Override
  public Duration convert(String value) {
    String text = value.trim();
    if (text.matches("\\d+")) {
      return positive(value, Duration.ofSeconds(Long.parseLong(text)));
    }
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long amount = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "h" -> total = total.plusHours(amount);
        case "m" -> total = total.plusMinutes(amount);
        case "s" -> total = total.plusSeconds(amount);
        default -> total = total.plusMillis(amount);
      }
      end = m.end();
    }
    if (text.isEmpty() || end != text.length()) {
      throw new TypeConversionException("'" + value + "' is not a duration (use text like 90m, 1h30m, 45s)");
    }
    return positive(value, total);
  }

  /** The API's spelling of {@code d}: whole seconds, as {@code 5400s}. */
  static String wire(Duration d) {
    return Math.max(1, d.toSeconds()) + "s";
  }

  private static Duration positive(String value, Duration d) {
    if (d.isZero()) {
      throw new TypeConversionException("'" + value + "' must be longer than zero");
    }
    return d;
  }
}
