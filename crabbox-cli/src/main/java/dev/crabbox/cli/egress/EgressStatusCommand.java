package dev.crabbox.cli.egress;

import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.options.ApiAnswers;
import dev.crabbox.protocol.api.EgressStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crabbox egress status}: prints the coordinator's view of a lease's egress session. */
@Command(name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Show coordinator bridge status")
public final class EgressStatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  LeaseOnCoordinator target;

  @Override
  public Integer call() {
    LeaseOnCoordinator.Resolved lease = target.resolve();
    EgressStatus status = lease.session().call(client -> client.egressStatus(lease.lease())
        .compose(json -> ApiAnswers.read(json, EgressStatus::fromJson, "egress status")));
    spec.commandLine().getOut().println(StatusLine.format(status));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
