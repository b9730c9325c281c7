package dev.crabbox.cli.demo;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.Main;
import dev.crabbox.cli.runtime.ManualShutdownSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The operator of the demo: runs the real {@code crabbox} commands in-process against the
 * embedded coordinator, with a home directory of its own (config file, generated SSH key) so the
 * user's own config is never read or written.
 */
final class DemoOperator {

  /** What one command printed and how it exited. */
  record Outcome(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private final CliEnvironment environment;

  DemoOperator(Path home, URI coordinator, String token) {
    this.environment = new CliEnvironment(Map.of(
        "HOME", home.toString(),
        "XDG_CONFIG_HOME", home.resolve(".config").toString(),
        "CRABBOX_COORDINATOR", coordinator.toString(),
        "CRABBOX_TOKEN", token), home, new ManualShutdownSignal());
  }

  /** {@code crabbox <args>}, its output captured. */
  Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Main(environment));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Outcome(exitCode, out.toString(), err.toString());
  }
}
