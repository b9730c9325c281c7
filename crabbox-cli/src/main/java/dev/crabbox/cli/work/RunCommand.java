package dev.crabbox.cli.work;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.runtime.ShutdownSignal;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.cli.ssh.RemoteStop;
import dev.crabbox.cli.ssh.ShellWords;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox run --id <lease> -- <command…>}: runs a command on a lease over SSH, streaming its
 * output live, records it as a run at the coordinator and exits with the command's exit code.
 */
@Command(name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = {"Run a command on a lease over SSH and exit with its exit code. Output streams live; the "
        + "coordinator records the run (events, log, telemetry, JUnit summary) and the lease is kept alive "
        + "with heartbeats while the command works.",
        "One argument after -- is a shell command line as written ('make && ./test'); several are quoted "
        + "word by word.",
        "--desktop/--browser check the lease's capability (label or probe) and export DISPLAY=:99, "
        + "CRABBOX_DESKTOP=1 / BROWSER, CHROME_BIN, CRABBOX_BROWSER=1 to the command."})
public final class RunCommand implements Callable<Integer> {
  static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
  static final String ENV_TELEMETRY_INTERVAL = "CRABBOX_TELEMETRY_INTERVAL";

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseRef lease;

  @Mixin
  CoordinatorFlags coordinator;

  @Mixin
  CapabilityFlags capabilities;

  @Option(names = "--junit", paramLabel = "<glob>",
      description = "After the command, summarise the JUnit XML files matching this glob on the lease "
          + "(e.g. 'target/surefire-reports/*.xml') into the run record.")
  String junit;

  @Option(names = "--telemetry-interval", hidden = true, converter = DurationConverter.class)
  Duration telemetryInterval;

  @Option(names = "--heartbeat-interval", hidden = true, converter = DurationConverter.class)
  Duration heartbeatInterval;

  @Parameters(arity = "1..*", paramLabel = "<command>", description = "The command to run, after --.")
  List<String> command;

  @Override
  public Integer call() {
    String leaseRef = lease.lease();
    CliEnvironment environment = CliEnvironment.of(spec);
    CoordinatorSession session = coordinator.session(spec);
    OperatorKey key = OperatorKey.resolve(environment.settings());
    String commandLine = ShellWords.commandLine(command);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration telemetry = telemetryInterval(environment);
    RemoteStop stop = new RemoteStop();
    // Ctrl-C stops the remote command; the run is still finished (exit 130) before crabbox ends.
    ShutdownSignal.Subscription interrupt = environment.shutdown().onShutdown(stop::request);
    try {
      return run(session, leaseRef, key, commandLine, telemetry, stop, out, err);
    } finally {
      interrupt.close();
    }
  }

  private int run(CoordinatorSession session, String leaseRef, OperatorKey key, String commandLine,
      Duration telemetry, RemoteStop stop, PrintWriter out, PrintWriter err) {
    return session.callWithVertx((vertx, client) -> client.getLease(leaseRef).compose(json ->
        LeaseFacts.read(json).compose(found -> {
          CapabilityGate gate = CapabilityGate.check(found, capabilities.requested());
          RecordedRun.Settings settings = new RecordedRun.Settings(heartbeat(json), telemetry, junit);
          return SshSteps.connect(vertx, LeaseFacts.requireSsh(found), key).compose(shell ->
              SshSteps.blocking(vertx, () -> gate.environment(shell))
                  .compose(env -> new RecordedRun(vertx, client, found, shell, settings)
                      .execute(commandLine, env, stop, out, err))
                  .eventually(() -> SshSteps.close(vertx, shell)));
        })));
  }

  /** The hidden flag, else {@code CRABBOX_TELEMETRY_INTERVAL}, else 15 s. */
  private Duration telemetryInterval(CliEnvironment environment) {
    if (telemetryInterval != null) {
      return telemetryInterval;
    }
    String fromEnv = environment.variables().get(ENV_TELEMETRY_INTERVAL);
    if (fromEnv == null || fromEnv.isBlank()) {
      return Duration.ofSeconds(15);
    }
    try {
      return new DurationConverter().convert(fromEnv);
    } catch (RuntimeException e) {
      throw new UsageException(ENV_TELEMETRY_INTERVAL + ": " + e.getMessage());
    }
  }

  /** The hidden flag, else a third of the lease's idle timeout (when the lease says), clamped 5–60 s. */
  private Duration heartbeat(JsonObject leaseJson) {
    if (heartbeatInterval != null) {
      return heartbeatInterval;
    }
    Object idle = leaseJson.getValue("idleTimeout");
    Duration idleTimeout = DEFAULT_IDLE;
    try {
      if (idle instanceof Number seconds) {
        idleTimeout = Duration.ofSeconds(seconds.longValue());
      } else if (idle instanceof String text) {
        idleTimeout = new DurationConverter().convert(text);
      }
    } catch (RuntimeException unreadable) {
      idleTimeout = DEFAULT_IDLE;
    }
    return RunUpkeep.heartbeatInterval(idleTimeout);
  }
}
