package dev.crabbox.coordinator.run;

import dev.crabbox.coordinator.store.JunitSummary;
import dev.crabbox.coordinator.store.RunEvent;
import dev.crabbox.coordinator.store.RunRecord;
import dev.crabbox.coordinator.store.TelemetrySample;
import dev.crabbox.protocol.api.ApiTimes;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Store records to the API's JSON shapes. */
public final class RunViews {

  private RunViews() {}

  /** {@code {id, leaseID, slug, owner, org, provider, command, state, startedAt, endedAt, exitCode}}. */
  public static JsonObject run(RunRecord r) {
    return new JsonObject()
        .put("id", r.id())
        .put("leaseID", r.leaseId())
        .put("slug", r.leaseSlug())
        .put("owner", r.owner())
        .put("org", r.org())
        .put("provider", r.provider())
        .put("command", r.command())
        .put("state", r.state().wire())
        .put("startedAt", ApiTimes.format(r.startedAt()))
        .put("endedAt", r.endedAt() == null ? null : ApiTimes.format(r.endedAt()))
        .put("exitCode", r.exitCode());
  }

  public static JsonObject detail(RunService.Detail detail) {
    JsonObject json = run(detail.run());
    detail.junit().ifPresent(junit -> json.put("junit", junit(junit)));
    JsonArray samples = new JsonArray();
    detail.telemetry().forEach(sample -> samples.add(telemetry(sample)));
    return json.put("telemetry", samples);
  }

  public static JsonObject runs(List<RunRecord> runs) {
    JsonArray array = new JsonArray();
    runs.forEach(run -> array.add(run(run)));
    return new JsonObject().put("runs", array);
  }

  public static JsonObject events(List<RunEvent> events) {
    JsonArray array = new JsonArray();
    for (RunEvent e : events) {
      JsonObject json = new JsonObject().put("type", e.type()).put("at", ApiTimes.format(e.at()));
      if (e.data() != null) {
        json.put("data", Json.decodeValue(e.data()));
      }
      array.add(json);
    }
    return new JsonObject().put("events", array);
  }

  public static JsonObject telemetry(TelemetrySample s) {
    return new JsonObject()
        .put("at", ApiTimes.format(s.at()))
        .put("load1", s.load1())
        .put("memoryPercent", s.memoryPercent())
        .put("diskPercent", s.diskPercent());
  }

  public static JsonObject junit(JunitSummary j) {
    return new JsonObject()
        .put("suites", j.suites())
        .put("tests", j.tests())
        .put("failures", j.failures())
        .put("errors", j.errors())
        .put("skipped", j.skipped())
        .put("timeSeconds", j.timeSeconds())
        .put("failedTests", new JsonArray(new java.util.ArrayList<Object>(j.failedTests())));
  }
}
