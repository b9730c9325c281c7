package dev.crabbox.cli.egress.start;

import dev.crabbox.agent.api.CoordinatorApiException;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.egress.LeaseSelector;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.cli.work.LeaseFacts;
import dev.crabbox.protocol.api.LeaseView;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox egress stop}: stops the lease's local host daemon and, over SSH, its egress
 * client. Idempotent: what is not running is reported as such, and a lease that is no longer
 * active (its release already ended the coordinator session) only loses its local daemon.
 */
@Command(name = "stop",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Stop the local host daemon and remote lease client")
public final class EgressStopCommand implements Callable<Integer> {
  private static final Duration SSH_TIMEOUT = Duration.ofSeconds(15);
  private static final int NOT_FOUND = 404;
  private static final int GONE = 410;

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseSelector lease;

  @Mixin
  CoordinatorFlags coordinator;

  @Override
  public Integer call() throws IOException {
    String leaseRef = lease.lease();
    CliEnvironment environment = CliEnvironment.of(spec);
    CoordinatorSession session = coordinator.session(spec);
    PrintWriter out = spec.commandLine().getOut();
    LeaseView view = find(session, leaseRef);
    String leaseId = view == null ? leaseRef : view.id();
    String name = view == null ? leaseRef : view.slug();

    OptionalLong daemon = HostDaemon.stop(DaemonFiles.of(environment, leaseId));
    out.println(daemon.isPresent()
        ? "egress stop: stopped the local host daemon (pid " + daemon.getAsLong() + ")"
        : "egress stop: no local host daemon was running for " + name);
    out.flush();

    if (view == null || !LeaseFacts.ACTIVE.equals(view.state()) || view.machine() == null) {
      out.println("egress stop: lease " + name + " is not active; nothing to stop on it");
      return ExitCodes.OK;
    }
    OperatorKey key = OperatorKey.resolve(environment.settings());
    try (LeaseShell shell = LeaseShell.connect(LeaseFacts.requireSsh(view), key, SSH_TIMEOUT)) {
      OptionalLong client = new LeaseEgressClient(shell).stop();
      out.println(client.isPresent()
          ? "egress stop: stopped the egress client on " + name + " (pid " + client.getAsLong() + ")"
          : "egress stop: no egress client was running on " + name);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The lease, or null when the coordinator no longer knows it (released and purged, or never was). */
  private static LeaseView find(CoordinatorSession session, String leaseRef) {
    try {
      return session.call(client -> client.getLease(leaseRef).compose(LeaseFacts::read));
    } catch (CoordinatorApiException e) {
      if (e.status() == NOT_FOUND || e.status() == GONE) {
        return null;
      }
      throw e;
    }
  }
}
