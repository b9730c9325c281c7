package dev.crabbox.cli.work;

import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.cli.ssh.ShellWords;
import dev.crabbox.cli.ssh.SshUnavailableException;
import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.protocol.api.LeaseMachine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * The SSH steps of the workflows as Futures: each blocking SSHJ call runs on a worker thread
 * (unordered, so a run's telemetry samples do not queue behind its command), and waiting
 * between attempts is a Vert.x timer.
 */
final class SshSteps {
  /** How long one connection attempt may take. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  /** Touched by the managed bootstrap as its last step. */
  static final String READY_MARKER = MachineBootstrap.READY_MARKER;

  private SshSteps() {
  }

  /** {@code step} on a worker thread. */
  static <T> Future<T> blocking(Vertx vertx, Callable<T> step) {
    return vertx.executeBlocking(step, false);
  }

  /** One connection attempt. */
  static Future<LeaseShell> connect(Vertx vertx, LeaseMachine.Ssh ssh, OperatorKey key) {
    return blocking(vertx, () -> LeaseShell.connect(ssh, key, CONNECT_TIMEOUT));
  }

  /**
   * Connects, retrying every {@code poll} while the server is unreachable or does not yet accept
   * the key (a booting machine), until {@code deadline}. A wrong host key is never retried.
   */
  static Future<LeaseShell> connectWhenReachable(Vertx vertx, LeaseMachine.Ssh ssh, OperatorKey key,
      Instant deadline, Duration poll, ProgressLine progress) {
    progress.step("waiting for SSH on " + ssh.user() + "@" + ssh.host() + ":" + ssh.port());
    return connect(vertx, ssh, key).recover(failure -> {
      if (!(failure instanceof SshUnavailableException) || Instant.now().plus(poll).isAfter(deadline)) {
        return Future.failedFuture(failure);
      }
      return vertx.timer(poll.toMillis())
          .compose(fired -> connectWhenReachable(vertx, ssh, key, deadline, poll, progress));
    });
  }

  /** Waits until the managed bootstrap has written {@link #READY_MARKER}. */
  static Future<Void> awaitBootstrap(Vertx vertx, LeaseShell shell, Instant deadline, Duration poll,
      ProgressLine progress) {
    progress.step("waiting for the lease's bootstrap to finish (" + READY_MARKER + ")");
    return blocking(vertx, () -> shell.capture("test -e " + ShellWords.quote(READY_MARKER)).exitCode())
        .compose(status -> {
          if (status == 0) {
            return Future.succeededFuture();
          }
          if (Instant.now().plus(poll).isAfter(deadline)) {
            return Future.failedFuture(new FatalSetupException("the lease's bootstrap did not finish in time: "
                + READY_MARKER + " is still missing on " + shell.endpoint()));
          }
          return vertx.timer(poll.toMillis()).compose(fired -> awaitBootstrap(vertx, shell, deadline, poll, progress));
        });
  }

  /** Closes the connection on a worker thread. */
  static Future<Void> close(Vertx vertx, LeaseShell shell) {
    return blocking(vertx, () -> {
      shell.close();
      return null;
    });
  }
}
