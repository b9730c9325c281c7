package dev.crabbox.cli.work;

import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import picocli.CommandLine.Command;

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
public final class WebVncCommand extends LeaseBridgeCommand {

  public WebVncCommand() {
    super(LeaseBridgeKind.VNC, "webvnc");
  }
}
