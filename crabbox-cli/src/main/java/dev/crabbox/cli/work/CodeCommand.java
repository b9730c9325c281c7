package dev.crabbox.cli.work;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox code --id <lease> [--open]}: starts the lease's code bridge agent over SSH and
 * prints the portal's code-server page, {@code /portal/leases/{slug}/code/}.
 */
@Command(name = "code",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = {"Open code-server on the lease in the browser portal: starts the lease bridge agent for code "
        + "on the lease (over SSH, outbound to the coordinator) and prints the portal URL.",
        "The lease needs the code capability (crabbox warmup --code); the portal logs in to code-server for you."})
public final class CodeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseRef lease;

  @Mixin
  CoordinatorFlags coordinator;

  @Option(names = "--open", description = "Also open the URL in a browser.")
  boolean open;

  @Override
  public Integer call() throws Exception {
    String leaseRef = lease.lease();
    OperatorKey key = OperatorKey.resolve(CliEnvironment.of(spec).settings());
    return new LeaseBridgeLaunch(LeaseBridgeKind.CODE, "code").run(coordinator.session(spec), key, leaseRef,
        open, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
