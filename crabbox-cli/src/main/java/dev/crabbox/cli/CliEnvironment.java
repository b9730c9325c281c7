package dev.crabbox.cli;

import dev.crabbox.cli.config.CliConfigStore;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.runtime.JvmShutdownSignal;
import dev.crabbox.cli.runtime.ShutdownSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the commands take from the process around them: environment variables, the home
 * directory (for the config file) and the shutdown signal. Tests pass their own so that a command
 * reads a temporary config and can be stopped in-process.
 *
 * @param variables environment variables (CRABBOX_*, XDG_CONFIG_HOME)
 * @param home the user's home directory
 * @param shutdown fires when a long-running command should stop
 */
public record CliEnvironment(Map<String, String> variables, Path home, ShutdownSignal shutdown) {

  /** How long SIGINT/SIGTERM waits for a command to undeploy its verticles. */
  private static final Duration CLEANUP_GRACE = Duration.ofSeconds(15);

  /** The real process: {@code System.getenv()}, the home directory, SIGINT/SIGTERM. */
  public static CliEnvironment system() {
    Map<String, String> variables = System.getenv();
    return new CliEnvironment(variables, homeDirectory(variables), new JvmShutdownSignal(CLEANUP_GRACE));
  }

  /**
   * {@code $HOME} when set, as shells and the original CLI use it; the JVM's {@code user.home}
   * comes from the password database and ignores {@code HOME=... crabbox ...}.
   */
  static Path homeDirectory(Map<String, String> variables) {
    String home = variables.get("HOME");
    if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"));
  }

  /** The environment of the command tree {@code spec} belongs to. */
  public static CliEnvironment of(CommandSpec spec) {
    Object root = spec.root().userObject();
    return root instanceof Main main ? main.environment() : system();
  }

  /** The settings (flags > environment > config file) as seen from this environment. */
  public CliSettings settings() {
    return new CliSettings(variables, new CliConfigStore(CliConfigStore.defaultFile(variables, home)));
  }
}
