package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.egress.StatusLine;
import dev.crabbox.cli.options.ApiAnswers;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.protocol.api.EgressStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * After {@code egress start --daemon}: waits until the coordinator reports both bridges connected
 * and prints the status line, or warns (without failing: the daemon keeps trying) when they are
 * not connected in time or the daemon has stopped.
 */
final class BridgeWait {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(250);

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
    EgressStatus status = status();
    while (!(status.hostConnected() && status.clientConnected())) {
      if (files.runningSupervisor().isEmpty()) {
        err.println("crabbox: warning: the egress host daemon stopped; " + files.log() + " ends with:\n"
            + files.logTail(15));
        err.flush();
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        err.println("crabbox: warning: the bridges are not both connected yet (" + StatusLine.format(status)
            + "); the daemon keeps trying, see " + files.log());
        err.flush();
        return;
      }
      Polling.pause(POLL);
      status = status();
    }
    out.println(StatusLine.format(status));
  }

  private EgressStatus status() {
    return session.call(client -> client.egressStatus(lease)
        .compose(json -> ApiAnswers.read(json, EgressStatus::fromJson, "egress status")));
  }
}
