package dev.crabbox.coordinator.runner;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.store.RunnerRecord;
import dev.crabbox.protocol.api.ApiTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and checks {@code POST /v1/runners/sync}; anything malformed is a 400
 * {@code bad_request}. Runner ids and repos end up in URLs and in a shell command the operator
 * copies, so they are held to narrow character sets.
 */
public final class RunnerRequests {

  /** Most runners one sync may carry. */
  public static final int MAX_RUNNERS_PER_SYNC = 200;
  /** The external runner providers Crabbox records. */
  public static final Set<String> PROVIDERS = Set.of("blacksmith-testbox");
  /** Runner statuses as providers report them. */
  public static final List<String> STATUSES = List.of("queued", "running", "completed", "unknown");
  static final int MAX_TEXT_CHARS = 256;
  static final int MAX_LABELS = 64;
  static final int MAX_LABEL_KEY_CHARS = 64;
  private static final Pattern RUNNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");
  private static final Pattern RUN_ID = Pattern.compile("[0-9]{1,20}");

  private RunnerRequests() {}

  /** A parsed sync: the provider and the runners it reports (owner and times not set yet). */
  public record Sync(String provider, List<Reported> runners) {}

  /** One reported runner. */
  public record Reported(String id, String name, String status, String repo, String workflow,
      String runId, String job, Instant createdAt, Instant startedAt, Map<String, String> labels) {

    /** The record to store for {@code owner}; the store sets the seen times. */
    public RunnerRecord toRecord(String provider, String owner, String org, Instant now) {
      return new RunnerRecord(provider, id, name, owner, org, status, repo, workflow, runId, job,
          labels, createdAt, startedAt, now, now, false, null);
    }
  }

  /** {@code {provider, runners: [{id, name?, status, repo?, workflow?, runId?, job?, …}]}}. */
  public static Sync sync(JsonObject body) {
    String provider = provider(body.getValue("provider"));
    Object value = body.getValue("runners");
    if (!(value instanceof JsonArray array)) {
      throw ApiException.badRequest("\"runners\" must be an array of {id, status, …}");
    }
    if (array.size() > MAX_RUNNERS_PER_SYNC) {
      throw ApiException.badRequest("at most " + MAX_RUNNERS_PER_SYNC + " runners per sync, got "
          + array.size() + "; split the sync");
    }
    List<Reported> out = new ArrayList<>(array.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject runner)) {
        throw ApiException.badRequest("runners[" + i + "] must be an object");
      }
      Reported reported = runner(runner, "runners[" + i + "]");
      if (!ids.add(reported.id())) {
        throw ApiException.badRequest("runners[" + i + "].id \"" + reported.id()
            + "\" appears more than once");
      }
      out.add(reported);
    }
    return new Sync(provider, out);
  }

  /** The provider of a sync or filter: one of {@link #PROVIDERS}. */
  public static String provider(Object value) {
    if (!(value instanceof String text) || !PROVIDERS.contains(text)) {
      throw ApiException.badRequest("\"provider\" must be one of " + new java.util.TreeSet<>(
          PROVIDERS));
    }
    return text;
  }

  private static Reported runner(JsonObject runner, String where) {
    Object id = runner.getValue("id");
    if (!(id instanceof String text) || !RUNNER_ID.matcher(text).matches()) {
      throw ApiException.badRequest(where + ".id must be 1-128 letters, digits or . _ : - "
          + "(starting with a letter or digit)");
    }
    Object status = runner.getValue("status");
    if (!(status instanceof String word) || !STATUSES.contains(word)) {
      throw ApiException.badRequest(where + ".status must be one of " + STATUSES);
    }
    String repo = text(runner, "repo", where);
    if (repo != null && !REPO.matcher(repo).matches()) {
      throw ApiException.badRequest(where + ".repo must be a GitHub repository such as "
          + "\"acme/widgets\"");
    }
    return new Reported(text, text(runner, "name", where), word, repo,
        text(runner, "workflow", where), runId(runner.getValue("runId"), where),
        text(runner, "job", where), time(runner, "createdAt", where),
        time(runner, "startedAt", where), labels(runner.getValue("labels"), where));
  }

  private static String text(JsonObject runner, String field, String where) {
    Object value = runner.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.length() > MAX_TEXT_CHARS) {
      throw ApiException.badRequest(where + "." + field + " must be a string of at most "
          + MAX_TEXT_CHARS + " chars");
    }
    return text.isBlank() ? null : text;
  }

  /** A GitHub Actions run id: a positive integer, given as a number or a string of digits. */
  private static String runId(Object value, String where) {
    if (value == null) {
      return null;
    }
    String text = null;
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
      text = String.valueOf(((Number) value).longValue());
    } else if (value instanceof String s && RUN_ID.matcher(s).matches()) {
      text = s;
    }
    if (text == null) {
      throw ApiException.badRequest(where + ".runId must be a GitHub Actions run id (digits)");
    }
    return text;
  }

  private static Instant time(JsonObject runner, String field, String where) {
    Object value = runner.getValue(field);
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof String) {
        Instant at = ApiTimes.parse(value);
        if (at != null) {
          return at;
        }
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ApiException.badRequest(where + "." + field + " must be an ISO-8601 UTC time");
  }

  private static Map<String, String> labels(Object value, String where) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject object) || object.size() > MAX_LABELS) {
      throw ApiException.badRequest(where + ".labels must be an object of at most " + MAX_LABELS
          + " string values");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object) {
      if (entry.getKey().isEmpty() || entry.getKey().length() > MAX_LABEL_KEY_CHARS
          || !(entry.getValue() instanceof String text) || text.length() > MAX_TEXT_CHARS) {
        throw ApiException.badRequest(where + ".labels must map names of 1-"
            + MAX_LABEL_KEY_CHARS + " chars to strings of at most " + MAX_TEXT_CHARS + " chars");
      }
      out.put(entry.getKey(), text);
    }
    return out;
  }
}
