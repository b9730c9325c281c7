package dev.crabbox.cli.work;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.RemoteStop;
import dev.crabbox.cli.ssh.ShellWords;
import dev.crabbox.cli.ssh.SshUnavailableException;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.capability.LeaseTarget;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One command on a lease, recorded as a run: {@code run.started}, {@code command.started}, the
 * output streamed to the terminal and batched to the run's log, heartbeats and telemetry while it
 * works, the JUnit summary afterwards, {@code command.finished} and the exit code.
 *
 * @param vertx timers and worker threads
 * @param client the coordinator
 * @param lease the active lease
 * @param shell the SSH connection to it
 * @param settings intervals and the JUnit glob
 */
record RecordedRun(Vertx vertx, CoordinatorClient client, LeaseView lease, LeaseShell shell, Settings settings) {
  /** The exit code of a run stopped by Ctrl-C or a shutdown, as shells report SIGINT. */
  static final int INTERRUPTED = 130;

  /**
   * @param heartbeat how often to heartbeat the lease
   * @param telemetry how often to sample telemetry (Linux leases)
   * @param junitGlob the reports to summarise afterwards, or null
   */
  record Settings(Duration heartbeat, Duration telemetry, String junitGlob) {
  }

  /**
   * Runs {@code command} with {@code environment} and answers its exit status, or
   * {@link #INTERRUPTED} when {@code stop} was requested meanwhile.
   */
  Future<Integer> execute(String command, Map<String, String> environment, RemoteStop stop, PrintWriter out,
      PrintWriter err) {
    return RunRecorder.create(client, lease.id(), command, lease.provider(), err).compose(recorder -> {
      recorder.event("run.started", new JsonObject().put("lease", lease.id()).put("slug", lease.slug())
          .put("command", command));
      RunUpkeep upkeep = new RunUpkeep(vertx);
      upkeep.heartbeats(client, lease.id(), settings.heartbeat());
      upkeep.logFlush(recorder);
      if (LeaseFacts.target(lease) == LeaseTarget.LINUX) {
        upkeep.telemetry(shell, recorder, settings.telemetry());
      }
      Instant started = Instant.now();
      recorder.event("command.started", new JsonObject().put("command", command)
          .put("environment", new JsonObject().put("names", String.join(",", environment.keySet()))));
      return SshSteps.blocking(vertx, () -> shell.exec(ShellWords.withEnvironment(environment, command),
              text -> show(out, recorder, text), text -> show(err, recorder, text), stop))
          .map(status -> stop.requested() ? interrupted(err) : status)
          .eventually(() -> {
            upkeep.stop();
            return Future.succeededFuture();
          })
          .compose(status -> summarise(recorder, err).map(status))
          .compose(status -> {
            recorder.event("command.finished", new JsonObject().put("exitCode", status)
                .put("durationMs", Duration.between(started, Instant.now()).toMillis()));
            return recorder.finish(status).map(status);
          })
          .recover(failure -> {
            recorder.event("command.failed", new JsonObject().put("error", String.valueOf(failure.getMessage())));
            return recorder.finish(LeaseShell.NO_EXIT_STATUS).compose(done -> Future.failedFuture(
                failure instanceof SshUnavailableException ? failure : new SshUnavailableException(
                    "lost the SSH connection to " + shell.endpoint() + " while the command ran: "
                        + failure.getMessage(), failure)));
          });
    });
  }

  private Future<Void> summarise(RunRecorder recorder, PrintWriter err) {
    if (settings.junitGlob() == null) {
      return Future.succeededFuture();
    }
    // The command has its exit status already: a report that cannot be read only costs the summary.
    return SshSteps.blocking(vertx, () -> JunitFiles.collect(shell, settings.junitGlob(), err))
        .<Void>map(summary -> {
          summary.ifPresent(recorder::junit);
          return null;
        })
        .recover(failure -> {
          err.println("crabbox: warning: could not read the JUnit reports on the lease: " + failure.getMessage());
          err.flush();
          return Future.succeededFuture();
        });
  }

  private static int interrupted(PrintWriter err) {
    err.println("crabbox: interrupted; the command on the lease was stopped");
    err.flush();
    return INTERRUPTED;
  }

  private static void show(PrintWriter to, RunRecorder recorder, String text) {
    to.print(text);
    to.flush();
    recorder.log(text);
  }
}
