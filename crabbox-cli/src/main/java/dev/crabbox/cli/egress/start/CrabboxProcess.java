package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another crabbox process on this machine, started the way this one runs: the same Java and class
 * path, {@link Main} as the entry point, and the command's environment (so the config file,
 * token and state directory are the same ones).
 */
final class CrabboxProcess {
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private CrabboxProcess() {
  }

  /** {@code java -cp <class path> dev.crabbox.cli.Main <args>}. */
  static List<String> command(List<String> args) {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(args);
    return command;
  }

  /**
   * {@link #command} in a session of its own where {@code setsid} exists, so closing the terminal
   * that ran {@code egress start --daemon} does not end the daemon.
   */
  static List<String> detachedCommand(List<String> args) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.addAll(command(args));
    return command;
  }

  /** The child's environment: the command's variables, its home, and this process's PATH. */
  static void environment(ProcessBuilder builder, CliEnvironment environment) {
    Map<String, String> variables = builder.environment();
    String path = variables.get("PATH");
    variables.clear();
    if (path != null) {
      variables.put("PATH", path);
    }
    variables.putAll(environment.variables());
    variables.put("HOME", environment.home().toString());
  }
}
