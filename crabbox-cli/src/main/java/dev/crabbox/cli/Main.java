package dev.crabbox.cli;

import dev.crabbox.cli.bench.BenchCommand;
import dev.crabbox.cli.coordinator.CoordinatorCommand;
import dev.crabbox.cli.demo.DemoCommand;
import dev.crabbox.cli.desktop.DesktopCommand;
import dev.crabbox.cli.desktop.VncCommand;
import dev.crabbox.cli.egress.EgressCommand;
import dev.crabbox.cli.error.ErrorHandlingInstaller;
import dev.crabbox.cli.lease.ListCommand;
import dev.crabbox.cli.lease.StatusCommand;
import dev.crabbox.cli.lease.StopCommand;
import dev.crabbox.cli.login.LoginCommand;
import dev.crabbox.cli.runtime.Logging;
import dev.crabbox.cli.work.RunCommand;
import dev.crabbox.cli.work.CodeCommand;
import dev.crabbox.cli.work.SshCommand;
import dev.crabbox.cli.work.WebVncCommand;
import dev.crabbox.cli.work.WarmupCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code crabbox} command. Subcommands live one per class; this class only holds the global
 * options and the environment the subcommands read ({@link CliEnvironment}).
 *
 * <p>{@code new CommandLine(new Main()).execute(args)} is the whole program: error handlers and
 * exit codes are installed by {@link ErrorHandlingInstaller} while picocli builds the model.
 */
@Command(name = "crabbox",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    modelTransformer = ErrorHandlingInstaller.class,
    description = "Lease Linux boxes from a crabbox coordinator and route their browser or app traffic "
        + "out through this machine.",
    subcommands = {LoginCommand.class, WarmupCommand.class, ListCommand.class, StatusCommand.class,
        StopCommand.class, RunCommand.class, SshCommand.class, VncCommand.class, DesktopCommand.class,
        WebVncCommand.class, CodeCommand.class,
        EgressCommand.class, CoordinatorCommand.class, DemoCommand.class,
        BenchCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 unexpected error, 2 usage, 3 coordinator unreachable or failing,"
        + " 4 fatal refusal (401/403/404/409/410, bridge replaced or lease ended)."})
public final class Main {
  private final CliEnvironment environment;

  /** The real process: system environment, home directory and SIGINT/SIGTERM. */
  public Main() {
    this(CliEnvironment.system());
  }

  /** A command tree that reads {@code environment} (tests, embedding). */
  public Main(CliEnvironment environment) {
    this.environment = environment;
  }

  public CliEnvironment environment() {
    return environment;
  }

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log debug details to stderr.")
  void setVerbose(boolean verbose) {
    if (verbose) {
      Logging.enableVerbose();
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
