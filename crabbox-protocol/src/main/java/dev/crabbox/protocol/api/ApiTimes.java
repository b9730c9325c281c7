package dev.crabbox.protocol.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The one time format of the API: ISO-8601 UTC with at most millisecond precision. */
public final class ApiTimes {

  private ApiTimes() {}

  /** Formats an instant, e.g. {@code 2025-01-01T10:00:00.250Z}; null becomes the empty string. */
  public static String format(Instant instant) {
    return instant == null ? "" : instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Parses an API time; null or empty text is null (an absent time). */
  public static Instant parse(Object text) {
    if (text == null || text.toString().isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text.toString());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 UTC time: " + text, e);
    }
  }
}
