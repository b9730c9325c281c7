package dev.crabbox.coordinator.provider.hetzner;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in the provider config: whole seconds ({@code 30}, {@code "30"}) or text made of
 * {@code h}, {@code m}, {@code s} and {@code ms} parts ({@code "2m"}, {@code "1m30s"},
 * {@code "500ms"}), and their short text for messages.
 */
final class ConfigDuration {

  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|h|m|s)");

  private ConfigDuration() {}

  /**
   * Parses a positive duration.
   *
   * @param setting the full setting name, for the message ({@code providers.hetzner.pollInterval})
   * @throws IllegalArgumentException naming the setting and the accepted forms
   */
  static Duration parse(String setting, Object value) {
    Duration duration = value instanceof Number number && number.doubleValue() >= 0
        && number.doubleValue() == Math.rint(number.doubleValue())
        ? Duration.ofSeconds(number.longValue())
        : value instanceof String text ? parseText(text.trim()) : null;
    if (duration == null || duration.isZero()) {
      throw new IllegalArgumentException(setting + " must be a positive duration such as \"30s\", "
          + "\"2m\" or a number of seconds; got " + describe(value));
    }
    return duration;
  }

  /** {@code 1h30m}, {@code 2m}, {@code 30s}, {@code 500ms}: the shortest exact form. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    StringBuilder text = new StringBuilder();
    appendPart(text, seconds / 3600, "h");
    appendPart(text, seconds % 3600 / 60, "m");
    appendPart(text, seconds % 60, "s");
    return text.length() == 0 ? "0s" : text.toString();
  }

  private static void appendPart(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }

  private static Duration parseText(String text) {
    if (text.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    Matcher part = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      long amount = Long.parseLong(part.group(1));
      switch (part.group(2)) {
        case "h":
          total = total.plusHours(amount);
          break;
        case "m":
          total = total.plusMinutes(amount);
          break;
        case "s":
          total = total.plusSeconds(amount);
          break;
        default:
          total = total.plusMillis(amount);
          break;
      }
      end = part.end();
    }
    return text.isEmpty() || end != text.length() ? null : total;
  }

  private static String describe(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
