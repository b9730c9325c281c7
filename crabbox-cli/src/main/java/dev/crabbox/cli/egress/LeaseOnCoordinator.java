package dev.crabbox.cli.egress;

import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The flags of a command that acts on one lease through the coordinator: the lease
 * ({@link LeaseSelector}) and the coordinator ({@link CoordinatorFlags}).
 */
public final class LeaseOnCoordinator {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Mixin
  LeaseSelector lease;

  @Mixin
  CoordinatorFlags coordinator;

  /** The lease reference and the coordinator session to ask about it. */
  public record Resolved(String lease, CoordinatorSession session) {
  }

  /** Checks the lease flags, resolves the coordinator and notes an explicit {@code --provider}. */
  public Resolved resolve() {
    String leaseRef = lease.lease();
    CoordinatorSession session = coordinator.session(spec);
    ProviderNote.print(spec, coordinator, session.target(), leaseRef);
    return new Resolved(leaseRef, session);
  }
}
