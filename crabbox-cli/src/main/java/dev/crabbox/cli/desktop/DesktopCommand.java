package dev.crabbox.cli.desktop;

import dev.crabbox.cli.CrabboxVersion;
import picocli.CommandLine.Command;

/** {@code crabbox desktop}: work with a lease's visible desktop (spec 003). */
@Command(name = "desktop",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Work with a lease's desktop (Xvfb display :99, loopback VNC)",
    subcommands = {DesktopLaunchCommand.class})
public final class DesktopCommand {
}
