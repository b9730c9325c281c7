package dev.crabbox.cli.work;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.protocol.api.ApiTimes;
import dev.crabbox.protocol.run.JunitSummary;
import dev.crabbox.protocol.run.LinuxTelemetry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one run at the coordinator: events with their time, the output in batches, telemetry
 * samples, the JUnit summary and the exit code. Calls go out one after another, in the order they
 * were made, so the log and the events keep their order. A failed recording call never stops the
 * command: the first one is reported on stderr, the rest only in the debug log.
 */
final class RunRecorder {
  /** Largest piece of log text sent in one call. */
  static final int MAX_LOG_CHARS = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

  private final CoordinatorClient client;
  private final String runId;
  private final PrintWriter err;
  private final StringBuilder pendingLog = new StringBuilder();
  private final AtomicBoolean warned = new AtomicBoolean();
  private Future<Void> tail = Future.succeededFuture();

  private RunRecorder(CoordinatorClient client, String runId, PrintWriter err) {
    this.client = client;
    this.runId = runId;
    this.err = err;
  }

  /** Creates the run record ({@code POST /v1/runs}); a failure here stops the command before it starts. */
  static Future<RunRecorder> create(CoordinatorClient client, String lease, String command, String provider,
      PrintWriter err) {
    JsonObject body = new JsonObject().put("leaseID", lease).put("command", command);
    if (provider != null && !provider.isEmpty()) {
      body.put("provider", provider);
    }
    return client.createRun(body).map(run -> new RunRecorder(client, run.getString("id"), err));
  }

  String runId() {
    return runId;
  }

  /** Records an event now. */
  void event(String type, JsonObject data) {
    JsonObject event = new JsonObject().put("type", type).put("at", ApiTimes.format(Instant.now()));
    if (data != null) {
      event.put("data", data);
    }
    enqueue("event " + type, () -> client.appendRunEvents(runId, new JsonArray().add(event)));
  }

  /** Buffers output for the next {@link #flushLog()}; safe from any thread. */
  void log(String text) {
    synchronized (pendingLog) {
      pendingLog.append(text);
    }
  }

  /** Sends the buffered output, in pieces of at most {@link #MAX_LOG_CHARS}. */
  Future<Void> flushLog() {
    String text;
    synchronized (pendingLog) {
      text = pendingLog.toString();
      pendingLog.setLength(0);
    }
    for (int start = 0; start < text.length(); start += MAX_LOG_CHARS) {
      String piece = text.substring(start, Math.min(text.length(), start + MAX_LOG_CHARS));
      enqueue("output", () -> client.appendRunLog(runId, piece));
    }
    return current();
  }

  void telemetry(LinuxTelemetry sample) {
    JsonObject body = new JsonObject(sample.toJson()).put("at", ApiTimes.format(Instant.now()));
    enqueue("telemetry", () -> client.addRunTelemetry(runId, body));
  }

  void junit(JunitSummary summary) {
    enqueue("JUnit summary", () -> client.putRunJunit(runId, new JsonObject(summary.toJson())));
  }

  /** Sends the remaining output, then the exit code; completes when everything is recorded (or reported). */
  Future<Void> finish(int exitCode) {
    flushLog();
    enqueue("finish", () -> client.finishRun(runId, exitCode));
    return current();
  }

  private synchronized Future<Void> current() {
    return tail;
  }

  private synchronized void enqueue(String what, java.util.function.Supplier<Future<JsonObject>> call) {
    tail = tail.compose(previous -> call.get())
        .<Void>mapEmpty()
        .recover(failure -> {
          report(what, failure);
          return Future.succeededFuture();
        });
  }

  private void report(String what, Throwable failure) {
    if (warned.compareAndSet(false, true)) {
      err.println("crabbox: warning: could not record the run's " + what + " at the coordinator: "
          + failure.getMessage() + " (the command goes on)");
      err.flush();
    }
    LOG.debug("recording {} of run {} failed", what, runId, failure);
  }
}
