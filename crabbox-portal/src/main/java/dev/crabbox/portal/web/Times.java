package dev.crabbox.portal.web;

import dev.crabbox.protocol.api.ApiTimes;
import java.time.Duration;
import java.time.Instant;

/** Relative time text for dense cells ("4 min ago", "in 2 h"), with the exact time kept aside. */
public final class Times {

  private Times() {}

  public static String relative(Instant at, Instant now) {
    if (at == null) {
      return "";
    }
    Duration between = Duration.between(at, now);
    boolean past = !between.isNegative();
    String amount = amount(between.abs());
    if ("now".equals(amount)) {
      return "just now";
    }
    return past ? amount + " ago" : "in " + amount;
  }

  private static String amount(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 45) {
      return "now";
    }
    if (seconds < 3600) {
      return Math.max(1, Math.round(seconds / 60.0)) + " min";
    }
    if (seconds < 48 * 3600) {
      return Math.round(seconds / 3600.0) + " h";
    }
    return Math.round(seconds / 86400.0) + " d";
  }

  /** The API's ISO-8601 form, for {@code <time datetime>} and titles; "" when absent. */
  public static String iso(Instant at) {
    return ApiTimes.format(at);
  }
}
