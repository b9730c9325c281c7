package dev.crabbox.cli.work;

import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import picocli.CommandLine.Command;

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
public final class CodeCommand extends LeaseBridgeCommand {

  public CodeCommand() {
    super(LeaseBridgeKind.CODE, "code");
  }
}
