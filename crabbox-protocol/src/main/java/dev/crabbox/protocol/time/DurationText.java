package dev.crabbox.protocol.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in request bodies, config files and flags: a number of seconds ({@code 5400}) or
 * Go-style text ({@code "90m"}, {@code "1h30m"}, {@code "45s"}, {@code "500ms"}), as the original CLI sends them.
 */
public final class DurationText {

  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|h|m|s)");

  private DurationText() {}

  /** Parses a duration; throws {@link IllegalArgumentException} with a user-facing message. */
  public static Duration parse(String field, Object value) {
    Duration duration;
    if (value instanceof Number number) {
      if (number.doubleValue() != Math.floor(number.doubleValue())) {
        throw new IllegalArgumentException("\"" + field + "\" must be whole seconds");
      }
      duration = Duration.ofSeconds(number.longValue());
    } else if (value instanceof String text) {
      duration = parseText(field, text.trim());
    } else {
      throw new IllegalArgumentException("\"" + field + "\" must be seconds or a duration like \"90m\"");
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("\"" + field + "\" must be positive");
    }
    return duration;
  }

  /** The shortest text that parses back to {@code d}: {@code 1h30m}, {@code 45s}, {@code 2h}. */
  public static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long seconds = d.getSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    if (seconds >= 3600) {
      out.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      out.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0) {
      out.append(seconds % 60).append('s');
    }
    return out.toString();
  }

  private static Duration parseText(String field, String text) {
    if (text.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long amount = Long.parseLong(m.group(1));
      switch (m.group(2)) {
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
      end = m.end();
    }
    if (text.isEmpty() || end != text.length()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a duration: \"" + text
          + "\" (use seconds or text like \"90m\", \"1h30m\")");
    }
    return total;
  }
}
