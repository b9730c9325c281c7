package dev.crabbox.cli.coordinator;

import dev.crabbox.cli.CrabboxVersion;
import picocli.CommandLine.Command;

/** {@code crabbox coordinator}: run and administer a coordinator. */
@Command(name = "coordinator",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Run a crabbox coordinator and mint its bearer tokens.",
    subcommands = {CoordinatorServeCommand.class, CoordinatorTokenCommand.class})
public final class CoordinatorCommand {
}
