package dev.crabbox.cli;

import dev.crabbox.cli.runtime.ManualShutdownSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real command tree in-process with captured stdout/stderr, a private home directory
 * (so the config file is a temporary one) and a shutdown signal the test fires.
 */
public final class CliRunner {
  private final Map<String, String> environment = new HashMap<>();
  private final Path home;
  private final ManualShutdownSignal shutdown = new ManualShutdownSignal();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  public CliRunner(Path home) {
    this.home = home;
  }

  public CliRunner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public ManualShutdownSignal shutdown() {
    return shutdown;
  }

  public Path configFile() {
    return home.resolve(".config").resolve("crabbox").resolve("config.yaml");
  }

  /** Runs one command and returns its exit code and everything it printed. */
  public Result run(String... args) {
    CommandLine commandLine = new CommandLine(new Main(new CliEnvironment(Map.copyOf(environment), home, shutdown)));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out(), err());
  }

  /** What the command printed so far (readable while a long-running command is still going). */
  public String out() {
    synchronized (out.getBuffer()) {
      return out.toString();
    }
  }

  public String err() {
    synchronized (err.getBuffer()) {
      return err.toString();
    }
  }

  public record Result(int exitCode, String out, String err) {
  }
}
