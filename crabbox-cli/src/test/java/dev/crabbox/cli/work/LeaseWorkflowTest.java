package dev.crabbox.cli.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * warmup → run → ssh → status → stop against a real coordinator whose static provider hands out
 * MINA SSH hosts on loopback.
 */
@Timeout(120)
class LeaseWorkflowTest {
  @TempDir
  Path dir;

  /** Each command gets a fresh runner (fresh captured output); all share one home and key. */
  private WorkflowRig rig;

  @BeforeEach
  void start() {
    rig = new WorkflowRig(dir, "");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private String[] warmup(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("warmup", "--provider", "static",
        "--static-host", "box1", "--poll-interval", "100ms"));
    args.addAll(List.of(extra));
    CliRunner.Result result = rig.cli().run(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    String[] idAndSlug = result.out().trim().split(" ");
    assertEquals(2, idAndSlug.length, result.out());
    assertTrue(idAndSlug[0].startsWith("cbx_"), result.out());
    return idAndSlug;
  }

  @Test
  void warmupRunStatusStop() {
    String[] lease = warmup();
    JsonObject created = rig.client().getLease(lease[0]).await();
    assertEquals("active", created.getString("state"));
    assertEquals(lease[1], created.getString("slug"));

    CliRunner.Result run = rig.cli().run("run", "--id", lease[1], "--",
        "echo to-out; echo to-err >&2; exit 3");
    assertEquals(3, run.exitCode(), run.err());
    assertEquals("to-out\n", run.out());
    assertTrue(run.err().contains("to-err\n"), run.err());

    JsonObject recorded = rig.onlyRun(lease[0]);
    assertEquals(3, recorded.getInteger("exitCode"));
    assertEquals("echo to-out; echo to-err >&2; exit 3", recorded.getString("command"));
    String log = rig.get("/v1/runs/" + recorded.getString("id") + "/logs");
    assertTrue(log.contains("to-out") && log.contains("to-err"), log);
    JsonArray events = rig.getJson("/v1/runs/" + recorded.getString("id") + "/events").getJsonArray("events");
    List<String> types = events.stream().map(e -> ((JsonObject) e).getString("type")).toList();
    assertEquals(List.of("run.started", "command.started", "command.finished"), types);
    assertTrue(events.stream().allMatch(e -> ((JsonObject) e).getString("at") != null));

    CliRunner.Result status = rig.cli().run("status", lease[1]);
    assertEquals(ExitCodes.OK, status.exitCode(), status.err());
    assertTrue(status.out().contains("active"), status.out());

    CliRunner.Result stopped = rig.cli().run("stop", lease[1]);
    assertEquals(ExitCodes.OK, stopped.exitCode(), stopped.err());
    assertEquals("released", rig.client().getLease(lease[0]).await().getString("state"));

    CliRunner.Result afterStop = rig.cli().run("run", "--id", lease[1], "--", "true");
    assertEquals(ExitCodes.FATAL, afterStop.exitCode());
    assertTrue(afterStop.err().contains("is released; only an active lease can run commands"), afterStop.err());
  }

  @Test
  void warmupJsonPrintsTheLeaseWithItsPinnedHostKey() {
    CliRunner.Result result = rig.cli().run("warmup", "--provider", "static", "--static-host", "box1",
        "--poll-interval", "100ms", "--json");
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    JsonObject lease = new JsonObject(result.out());
    assertEquals("active", lease.getString("state"));
    assertTrue(lease.getJsonObject("ssh").getString("hostKey").startsWith("SHA256:"));
    assertTrue(result.err().contains("is ready"), result.err());
  }

  @Test
  void severalArgumentsArriveAsWordsAndSshPassesTheExitCode() {
    String[] lease = warmup();
    CliRunner.Result run = rig.cli().run("run", "--id", lease[0], "--", "printf", "[%s]", "a b", "$HOME");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("[a b][$HOME]", run.out());

    CliRunner.Result ssh = rig.cli().run("ssh", "--id", lease[1], "--", "echo via-ssh; exit 42");
    assertEquals(42, ssh.exitCode(), ssh.err());
    assertEquals("via-ssh\n", ssh.out());
  }

  @Test
  void junitReportsOnTheLeaseAreSummarisedIntoTheRun() throws IOException {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    for (String name : List.of("TEST-dev.crabbox.agent.api.CoordinatorClientTest.xml",
        "TEST-dev.crabbox.cli.runtime.VerboseLoggingTest.xml")) {
      try (InputStream in = getClass().getResourceAsStream("/junit/" + name)) {
        Files.write(reports.resolve(name), in.readAllBytes());
      }
    }
    Files.writeString(reports.resolve("TEST-broken.xml"), "<html>not a report</html>");
    String[] lease = warmup();

    CliRunner.Result run = rig.cli().run("run", "--id", lease[0], "--junit", reports + "/TEST-*.xml", "--", "true");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("skipping " + reports.resolve("TEST-broken.xml")), run.err());

    JsonObject junit = rig.onlyRun(lease[0]).getJsonObject("junit");
    assertEquals(2, junit.getInteger("suites"));
    assertEquals(9, junit.getInteger("tests"));
    assertEquals(1, junit.getInteger("failures"));
    assertEquals(1, junit.getInteger("errors"));
    assertEquals(List.of("dev.crabbox.agent.api.CoordinatorClientTest.listsLeasesAndKeepsThePathPrefix",
        "dev.crabbox.cli.runtime.VerboseLoggingTest.defaultIsWarnAndAboveOnly"),
        junit.getJsonArray("failedTests").getList());
  }

  @Test
  void aLongRunRecordsLinuxTelemetrySamples() throws Exception {
    String[] lease = warmup();
    Path release = dir.resolve("telemetry-seen");
    // The command runs until the coordinator holds a sample (or 30 s pass): no sleep decides it.
    CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> rig.cli().run("run",
        "--id", lease[0], "--telemetry-interval", "100ms", "--",
        "i=0; while [ ! -f " + release + " ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done"));
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonArray runs = rig.getJson("/v1/leases/" + lease[0] + "/runs").getJsonArray("runs");
      return !runs.isEmpty() && !rig.getJson("/v1/runs/" + runs.getJsonObject(0).getString("id"))
          .getJsonArray("telemetry").isEmpty();
    });
    Files.createFile(release);
    CliRunner.Result run = running.get(60, TimeUnit.SECONDS);
    assertEquals(0, run.exitCode(), run.err());
    JsonObject sample = rig.onlyRun(lease[0]).getJsonArray("telemetry").getJsonObject(0);
    double memory = sample.getDouble("memoryPercent");
    assertTrue(memory > 0 && memory <= 100, sample.encode());
    assertTrue(sample.getDouble("diskPercent") >= 0, sample.encode());
    assertTrue(sample.getDouble("load1") >= 0, sample.encode());
  }

  @Test
  void heartbeatsKeepTheLeaseTouchedWhileTheCommandWorks() throws Exception {
    String[] lease = warmup();
    String before = rig.client().getLease(lease[0]).await().getString("updatedAt");
    Path release = dir.resolve("heartbeat-seen");
    // The command runs until the lease has been touched (or 30 s pass): a missing heartbeat fails.
    CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> rig.cli().run("run",
        "--id", lease[0], "--heartbeat-interval", "100ms", "--",
        "i=0; while [ ! -f " + release + " ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done"));
    await().atMost(Duration.ofSeconds(30)).until(() -> java.time.Instant.parse(
        rig.client().getLease(lease[0]).await().getString("updatedAt")).isAfter(java.time.Instant.parse(before)));
    Files.createFile(release);
    assertEquals(0, running.get(60, TimeUnit.SECONDS).exitCode());
  }

  @Test
  void anInterruptStopsTheRemoteCommandAndFinishesTheRunWith130() throws Exception {
    String[] lease = warmup();
    Path started = dir.resolve("started");
    CliRunner runner = rig.cli();
    CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> runner.run("run",
        "--id", lease[0], "--", "touch " + started + "; sleep 60"));
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(started));
    runner.shutdown().trigger();
    CliRunner.Result result = running.get(60, TimeUnit.SECONDS);
    assertEquals(RecordedRun.INTERRUPTED, result.exitCode(), result.err());
    assertTrue(result.err().contains("interrupted; the command on the lease was stopped"), result.err());
    JsonObject recorded = rig.onlyRun(lease[0]);
    assertEquals(RecordedRun.INTERRUPTED, recorded.getInteger("exitCode"));
  }
}
