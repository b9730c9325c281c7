package dev.crabbox.cli.desktop;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.cli.work.CapabilityGate;
import dev.crabbox.cli.work.LeaseFacts;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.capability.Capability;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the desktop commands do first: resolve the lease through the coordinator, check the
 * requested capabilities (spec 003: provider features, then labels or probes), and open SSH with
 * the pinned host key and the operator key.
 *
 * @param session the coordinator the lease came from
 * @param lease the lease record
 * @param gate the capability check, for the probes and run environment
 * @param shell the open SSH connection; the caller closes it
 */
record LeaseConnection(CoordinatorSession session, OperatorKey key, LeaseView lease,
    CapabilityGate gate, LeaseShell shell) implements AutoCloseable {
  private static final Duration SSH_TIMEOUT = Duration.ofSeconds(15);

  static LeaseConnection open(CommandSpec spec, CoordinatorFlags coordinator, String leaseRef,
      Set<Capability> requested) {
    CliEnvironment environment = CliEnvironment.of(spec);
    CoordinatorSession session = coordinator.session(spec);
    OperatorKey key = OperatorKey.resolve(environment.settings());
    LeaseView lease = session.call(client -> client.getLease(leaseRef).compose(LeaseFacts::read));
    CapabilityGate gate = CapabilityGate.check(lease, requested);
    LeaseShell shell = LeaseShell.connect(LeaseFacts.requireSsh(lease), key, SSH_TIMEOUT);
    return new LeaseConnection(session, key, lease, gate, shell);
  }

  @Override
  public void close() {
    shell.close();
  }
}
