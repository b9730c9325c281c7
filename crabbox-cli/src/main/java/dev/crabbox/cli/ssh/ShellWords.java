package dev.crabbox.cli.ssh;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** POSIX shell quoting for the command lines sent to a lease. */
public final class ShellWords {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ShellWords() {
  }

  /** {@code word} as one shell word: unchanged when harmless, else single-quoted. */
  public static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * The remote command line for {@code argv}: one argument is taken as a shell command line as
   * written ({@code "make && ./test"}); several are quoted word by word so each arrives intact.
   */
  public static String commandLine(List<String> argv) {
    if (argv.size() == 1) {
      return argv.get(0);
    }
    return argv.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }

  /**
   * {@code command} preceded by {@code export NAME=value …;}. OpenSSH servers drop SSH
   * {@code env} requests unless configured to accept each name, so the variables travel in the
   * command line itself.
   *
   * @throws IllegalArgumentException for a name that is not a shell variable name
   */
  public static String withEnvironment(Map<String, String> environment, String command) {
    if (environment.isEmpty()) {
      return command;
    }
    StringBuilder line = new StringBuilder("export");
    environment.forEach((name, value) -> {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not an environment variable name: " + name);
      }
      line.append(' ').append(name).append('=').append(quote(value));
    });
    return line.append("; ").append(command).toString();
  }
}
