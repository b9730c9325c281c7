package dev.crabbox.cli.work;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.protocol.run.LinuxTelemetry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs beside a command while it works: heartbeats that keep the lease from going idle, the
 * periodic log flush and, on Linux leases, telemetry samples. All are Vert.x timers; the sample
 * itself is an SSH command on a worker thread, skipped while the previous one is still out.
 */
final class RunUpkeep {
  /** Heartbeats come every idle timeout / 3, but not more often than this... */
  static final Duration MIN_HEARTBEAT = Duration.ofSeconds(5);
  /** ...and not less often than this. */
  static final Duration MAX_HEARTBEAT = Duration.ofSeconds(60);
  static final Duration LOG_FLUSH = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(RunUpkeep.class);

  private final Vertx vertx;
  private final List<Long> timers = new ArrayList<>();

  RunUpkeep(Vertx vertx) {
    this.vertx = vertx;
  }

  /** {@code idle / 3} clamped to 5–60 s. */
  static Duration heartbeatInterval(Duration idleTimeout) {
    Duration third = idleTimeout.dividedBy(3);
    return third.compareTo(MIN_HEARTBEAT) < 0 ? MIN_HEARTBEAT
        : third.compareTo(MAX_HEARTBEAT) > 0 ? MAX_HEARTBEAT : third;
  }

  void heartbeats(CoordinatorClient client, String leaseId, Duration every) {
    periodic(every, () -> client.heartbeatLease(leaseId)
        .onFailure(e -> LOG.warn("heartbeat for lease {} failed: {}", leaseId, e.getMessage())));
  }

  void logFlush(RunRecorder recorder) {
    periodic(LOG_FLUSH, recorder::flushLog);
  }

  void telemetry(LeaseShell shell, RunRecorder recorder, Duration every) {
    AtomicBoolean sampling = new AtomicBoolean();
    periodic(every, () -> {
      if (!sampling.compareAndSet(false, true)) {
        return;
      }
      SshSteps.blocking(vertx, () -> shell.capture(LinuxTelemetry.SAMPLE_COMMAND))
          .map(captured -> LinuxTelemetry.parse(captured.out()))
          .onSuccess(recorder::telemetry)
          .onFailure(e -> LOG.debug("telemetry sample failed: {}", e.toString()))
          .onComplete(done -> sampling.set(false));
    });
  }

  /** Stops every timer. */
  void stop() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }

  private void periodic(Duration every, Runnable task) {
    timers.add(vertx.setPeriodic(Math.max(1, every.toMillis()), id -> task.run()));
  }
}
