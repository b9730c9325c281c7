package dev.crabbox.coordinator.run;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.JsonBodies;
import dev.crabbox.coordinator.store.JunitSummary;
import dev.crabbox.coordinator.store.RunEvent;
import dev.crabbox.protocol.api.ApiTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses and checks the bodies of the run routes; anything malformed is a 400 {@code bad_request}. */
public final class RunRequests {

  /** Most events one {@code POST …/events} may carry. */
  public static final int MAX_EVENTS_PER_CALL = 500;
  static final int MAX_COMMAND_CHARS = 65535;
  static final int MAX_EVENT_DATA_CHARS = 65535;
  static final int MAX_FAILED_TESTS = 1000;
  static final int MAX_TEST_NAME_CHARS = 512;
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private RunRequests() {}

  /** {@code POST /v1/runs}: {@code {leaseID, command, provider?}}. */
  public record Create(String lease, String command, String provider) {

    public static Create parse(JsonObject body) {
      String lease = JsonBodies.optionalString(body, "leaseID");
      if (lease == null || lease.isBlank()) {
        throw ApiException.badRequest("\"leaseID\" (lease id or slug) is required");
      }
      String command = JsonBodies.optionalString(body, "command");
      if (command == null || command.isBlank()) {
        throw ApiException.badRequest("\"command\" is required");
      }
      if (command.length() > MAX_COMMAND_CHARS) {
        throw ApiException.badRequest("\"command\" is longer than " + MAX_COMMAND_CHARS + " chars");
      }
      String provider = JsonBodies.optionalString(body, "provider");
      if (provider != null && !PROVIDER.matcher(provider).matches()) {
        throw ApiException.badRequest("\"provider\" must be a short lower-case name");
      }
      return new Create(lease.trim(), command, provider);
    }
  }

  /** {@code POST …/events}: {@code {events:[{type, at?, data?}]}}, at most 500. */
  public static List<RunEvent> events(JsonObject body, Instant now) {
    Object value = body.getValue("events");
    if (!(value instanceof JsonArray array)) {
      throw ApiException.badRequest("\"events\" must be an array of {type, at?, data?}");
    }
    if (array.size() > MAX_EVENTS_PER_CALL) {
      throw ApiException.badRequest("at most " + MAX_EVENTS_PER_CALL + " events per call, got "
          + array.size());
    }
    List<RunEvent> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject event)) {
        throw ApiException.badRequest("events[" + i + "] must be an object");
      }
      Object type = event.getValue("type");
      if (!(type instanceof String text) || !EVENT_TYPE.matcher(text).matches()) {
        throw ApiException.badRequest("events[" + i + "].type must be a name such as "
            + "\"command.started\"");
      }
      Instant at = time(event, "events[" + i + "].at", now);
      Object data = event.getValue("data");
      String encoded = data == null ? null : io.vertx.core.json.Json.encode(data);
      if (encoded != null && encoded.length() > MAX_EVENT_DATA_CHARS) {
        throw ApiException.badRequest("events[" + i + "].data is larger than "
            + MAX_EVENT_DATA_CHARS + " chars");
      }
      out.add(new RunEvent(0, text, at, encoded));
    }
    return out;
  }

  /** {@code POST …/telemetry}: {@code {load1, memoryPercent, diskPercent, at?}}. */
  public record Telemetry(Instant at, double load1, double memoryPercent, double diskPercent) {

    public static Telemetry parse(JsonObject body, Instant now) {
      double load1 = number(body, "load1", Double.MAX_VALUE);
      double memory = number(body, "memoryPercent", 100);
      double disk = number(body, "diskPercent", 100);
      return new Telemetry(time(body, "at", now), load1, memory, disk);
    }
  }

  /** {@code POST …/junit}: counts, {@code timeSeconds} and {@code failedTests}. */
  public static JunitSummary junit(JsonObject body) {
    Object failed = body.getValue("failedTests");
    List<String> names = new ArrayList<>();
    if (failed != null) {
      if (!(failed instanceof JsonArray array)) {
        throw ApiException.badRequest("\"failedTests\" must be an array of test names");
      }
      if (array.size() > MAX_FAILED_TESTS) {
        throw ApiException.badRequest("at most " + MAX_FAILED_TESTS + " failed test names");
      }
      for (Object name : array) {
        if (!(name instanceof String text) || text.length() > MAX_TEST_NAME_CHARS) {
          throw ApiException.badRequest("\"failedTests\" must hold test names of at most "
              + MAX_TEST_NAME_CHARS + " chars");
        }
        names.add(text);
      }
    }
    return new JunitSummary(count(body, "suites"), count(body, "tests"), count(body, "failures"),
        count(body, "errors"), count(body, "skipped"),
        number(body, "timeSeconds", Double.MAX_VALUE), names);
  }

  /** {@code POST …/finish}: {@code {exitCode}}, an integer. */
  public static int exitCode(JsonObject body) {
    Object value = body.getValue("exitCode");
    if ((value instanceof Integer || value instanceof Long)
        && ((Number) value).longValue() == ((Number) value).intValue()) {
      return ((Number) value).intValue();
    }
    throw ApiException.badRequest("\"exitCode\" must be an integer");
  }

  /** The text of {@code POST …/logs} given as JSON: {@code {text}}. */
  public static String logText(JsonObject body) {
    String text = JsonBodies.optionalString(body, "text");
    if (text == null) {
      throw ApiException.badRequest("\"text\" must be a string (or send text/plain)");
    }
    return text;
  }

  private static int count(JsonObject body, String field) {
    Object value = body.getValue(field);
    if ((value instanceof Integer || value instanceof Long)
        && ((Number) value).longValue() >= 0 && ((Number) value).longValue() <= Integer.MAX_VALUE) {
      return ((Number) value).intValue();
    }
    throw ApiException.badRequest("\"" + field + "\" must be a non-negative integer");
  }

  private static double number(JsonObject body, String field, double max) {
    Object value = body.getValue(field);
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d) && d >= 0 && d <= max) {
        return d;
      }
    }
    throw ApiException.badRequest("\"" + field + "\" must be a number from 0"
        + (max == Double.MAX_VALUE ? "" : " to " + (int) max));
  }

  private static Instant time(JsonObject body, String field, Instant now) {
    Object value = body.getValue(field.substring(field.lastIndexOf('.') + 1));
    if (value == null) {
      return now;
    }
    if (!(value instanceof String)) {
      throw ApiException.badRequest("\"" + field + "\" must be an ISO-8601 UTC time");
    }
    try {
      Instant at = ApiTimes.parse(value);
      return at == null ? now : at;
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("\"" + field + "\" must be an ISO-8601 UTC time");
    }
  }
}
