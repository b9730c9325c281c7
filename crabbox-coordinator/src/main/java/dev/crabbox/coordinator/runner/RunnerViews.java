package dev.crabbox.coordinator.runner;

import dev.crabbox.coordinator.store.RunnerRecord;
import dev.crabbox.coordinator.store.RunnerSync;
import dev.crabbox.protocol.api.ApiTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/** Runner records to the API's JSON shapes, with the markers derived at read time. */
public final class RunnerViews {

  /** A runner queued longer than this is stuck. */
  public static final Duration STUCK_QUEUED = Duration.ofMinutes(20);
  /** A runner running longer than this is stuck. */
  public static final Duration STUCK_RUNNING = Duration.ofMinutes(90);

  private RunnerViews() {}

  public static JsonObject runner(RunnerRecord r, Instant now) {
    return new JsonObject()
        .put("provider", r.provider())
        .put("id", r.id())
        .put("name", r.name())
        .put("owner", r.owner())
        .put("org", r.org())
        .put("status", r.status())
        .put("repo", r.repo())
        .put("workflow", r.workflow())
        .put("runId", r.runId())
        .put("job", r.job())
        .put("labels", new JsonObject(new LinkedHashMap<String, Object>(r.labels())))
        .put("createdAt", time(r.createdAt()))
        .put("startedAt", time(r.startedAt()))
        .put("firstSeenAt", time(r.firstSeenAt()))
        .put("lastSeenAt", time(r.lastSeenAt()))
        .put("stale", r.stale())
        .put("staleSince", time(r.staleSince()))
        .put("stuck", stuck(r, now))
        .put("actionsRunUrl", actionsRunUrl(r))
        .put("stopCommand", stopCommand(r));
  }

  public static JsonObject runners(List<RunnerRecord> runners, Instant now) {
    JsonArray array = new JsonArray();
    runners.forEach(r -> array.add(runner(r, now)));
    return new JsonObject().put("runners", array);
  }

  public static JsonObject sync(RunnerSync sync) {
    return new JsonObject().put("synced", sync.synced()).put("stale", sync.stale());
  }

  /**
   * Queued for more than 20 minutes (since createdAt, else firstSeenAt) or running for more than
   * 90 minutes (since startedAt, else firstSeenAt). A stale runner is no longer reported, so its
   * last status says nothing about now: never stuck.
   */
  public static boolean stuck(RunnerRecord r, Instant now) {
    if (r.stale()) {
      return false;
    }
    if ("queued".equals(r.status())) {
      return longer(r.createdAt() != null ? r.createdAt() : r.firstSeenAt(), now, STUCK_QUEUED);
    }
    if ("running".equals(r.status())) {
      return longer(r.startedAt() != null ? r.startedAt() : r.firstSeenAt(), now, STUCK_RUNNING);
    }
    return false;
  }

  private static boolean longer(Instant since, Instant now, Duration limit) {
    return Duration.between(since, now).compareTo(limit) > 0;
  }

  /** {@code https://github.com/<repo>/actions/runs/<runId>} when both are known. */
  public static String actionsRunUrl(RunnerRecord r) {
    return r.repo() == null || r.runId() == null
        ? null
        : "https://github.com/" + r.repo() + "/actions/runs/" + r.runId();
  }

  /** What the operator runs in their own terminal; Crabbox never stops an external runner. */
  public static String stopCommand(RunnerRecord r) {
    return "blacksmith testbox stop " + r.id();
  }

  private static String time(Instant at) {
    return at == null ? null : ApiTimes.format(at);
  }
}
