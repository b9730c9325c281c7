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
 * {@code crabbox webvnc --id <lease> [--open]}: starts the lease's VNC bridge agent over SSH and
 * prints the portal's desktop page, {@code /portal/leases/{slug}/vnc}.
 */
@Command(name = "webvnc",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = {"Open the lease's desktop in the browser portal: starts the lease bridge agent for VNC "
        + "on the lease (over SSH, outbound to the coordinator) and prints the portal URL.",
        "The lease needs the desktop capability (crabbox warmup --desktop)."})
public final class WebVncCommand implements Callable<Integer> {

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
    return new LeaseBridgeLaunch(LeaseBridgeKind.VNC, "webvnc").run(coordinator.session(spec), key, leaseRef,
        open, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
