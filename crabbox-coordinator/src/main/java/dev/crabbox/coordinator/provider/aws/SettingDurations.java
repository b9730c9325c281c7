package dev.crabbox.coordinator.provider.aws;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in the {@code providers.aws} section: whole seconds ({@code 30}) or text such as
 * {@code "30s"}, {@code "10m"}, {@code "1h30m"} or {@code "500ms"} (tests poll in milliseconds).
 * Also formats them back the same way for messages.
 */
final class SettingDurations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private SettingDurations() {}

  /**
   * Parses {@code text}; throws {@link IllegalArgumentException} naming {@code key} when it is not
   * a positive duration.
   */
  static Duration parse(String key, String text) {
    String value = text.trim();
    Duration total = Duration.ZERO;
    if (value.matches("\\d+")) {
      total = Duration.ofSeconds(Long.parseLong(value));
    } else {
      Matcher m = PART.matcher(value);
      int end = 0;
      while (m.find() && m.start() == end) {
        total = total.plus(part(Long.parseLong(m.group(1)), m.group(2)));
        end = m.end();
      }
      if (value.isEmpty() || end != value.length()) {
        throw new IllegalArgumentException("providers.aws." + key + " is not a duration: \"" + text
            + "\" (use seconds or text like \"30s\", \"10m\", \"500ms\")");
      }
    }
    if (total.isZero()) {
      throw new IllegalArgumentException("providers.aws." + key + " must be longer than zero");
    }
    return total;
  }

  /** {@code 30s}, {@code 10m}, {@code 1h30m}, {@code 250ms}: how the settings are written. */
  static String format(Duration duration) {
    if (duration.toMillisPart() != 0 || duration.isZero()) {
      return duration.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (duration.toHours() > 0) {
      text.append(duration.toHours()).append('h');
    }
    if (duration.toMinutesPart() > 0) {
      text.append(duration.toMinutesPart()).append('m');
    }
    if (duration.toSecondsPart() > 0) {
      text.append(duration.toSecondsPart()).append('s');
    }
    return text.toString();
  }

  private static Duration part(long amount, String unit) {
    switch (unit) {
      case "h":
        return Duration.ofHours(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "s":
        return Duration.ofSeconds(amount);
      default:
        return Duration.ofMillis(amount);
    }
  }
}
