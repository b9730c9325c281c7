package dev.crabbox.cli.egress.start;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.egress.StatusLine;
import dev.crabbox.cli.options.ApiAnswers;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.protocol.api.EgressStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * After {@code egress start --daemon}: waits until the coordinator reports both bridges connected
 * and prints the status line, or warns (without failing: the daemon keeps trying) when they are
 * not connected in time or the daemon has stopped. One coordinator client, polled on a timer.
 */
final class BridgeWait {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final int LOG_LINES = 15;

  private final CoordinatorSession session;
  private final String lease;
  private final DaemonFiles files;

  BridgeWait(CoordinatorSession session, String lease, DaemonFiles files) {
    this.session = session;
    this.lease = lease;
    this.files = files;
  }

  void reportConnected(PrintWriter out, PrintWriter err) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    String warning = session.callWithVertx((vertx, client) -> poll(vertx, client, deadline, out));
    if (warning != null) {
      err.println("crabbox: warning: " + warning);
      err.flush();
    }
  }

  /** Null while the daemon runs; else the end of its log. */
  private String daemonStopped() {
    return files.runningSupervisor().isPresent() ? null
        : "the egress host daemon stopped; " + files.log() + " ends with:\n" + files.logTail(LOG_LINES);
  }

  /** Null once both sides are connected (the status line printed); else why the wait ended. */
  private Future<String> poll(Vertx vertx, CoordinatorClient client, Instant deadline, PrintWriter out) {
    return client.egressStatus(lease)
        .compose(json -> ApiAnswers.read(json, EgressStatus::fromJson, "egress status"))
        .compose(status -> {
          if (status.hostConnected() && status.clientConnected()) {
            out.println(StatusLine.format(status));
            return Future.succeededFuture(null);
          }
          // Process table and log file: not on the event loop.
          return vertx.executeBlocking(this::daemonStopped, false).compose(stopped -> {
            if (stopped != null) {
              return Future.succeededFuture(stopped);
            }
            if (Instant.now().isAfter(deadline)) {
              return Future.succeededFuture("the bridges are not both connected yet (" + StatusLine.format(status)
                  + "); the daemon keeps trying, see " + files.log());
            }
            return vertx.timer(POLL.toMillis()).compose(fired -> poll(vertx, client, deadline, out));
          });
        });
  }
}
