package dev.crabbox.cli.egress;

import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.egress.start.EgressStartCommand;
import dev.crabbox.cli.egress.start.EgressStopCommand;
import dev.crabbox.cli.egress.start.EgressSuperviseCommand;
import picocli.CommandLine.Command;

/** {@code crabbox egress}: the mediated egress bridges (spec 000). */
@Command(name = "egress",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "crabbox egress bridges lease-local browser or app traffic through the machine running "
        + "the egress host agent.",
    subcommands = {EgressStartCommand.class, EgressHostCommand.class, EgressClientCommand.class,
        EgressStatusCommand.class, EgressStopCommand.class, EgressSuperviseCommand.class},
    footer = {"", "Use host and client directly when debugging tickets, custom tunnels, or a manually "
        + "installed helper."})
public final class EgressCommand {
}
