package dev.crabbox.cli.runner;

import dev.crabbox.cli.config.BlacksmithConfig;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.config.Setting;
import dev.crabbox.cli.error.UsageException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured Blacksmith CLI and how to run its list command: the executable
 * ({@code CRABBOX_BLACKSMITH_CLI}, else {@code blacksmith.cli} in the config file, else
 * {@code blacksmith} on PATH), {@code --org} when {@code blacksmith.org} is set, the list arguments
 * ({@code blacksmith.listArgs}, default {@code testbox list}) and the time limit
 * ({@code blacksmith.timeoutSeconds}, default 30).
 */
public final class BlacksmithCli {
  static final String DEFAULT_EXECUTABLE = "blacksmith";
  static final List<String> DEFAULT_LIST_ARGS = List.of("testbox", "list");
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final int MAX_TIMEOUT_SECONDS = 600;
  private static final int STDERR_TAIL_CHARS = 4000;
  /** The crabbox bearer token stays with crabbox: the Blacksmith CLI never sees it. */
  private static final Set<String> WITHHELD = Set.of(CliSettings.ENV_TOKEN);

  private final Path executable;
  private final List<String> arguments;
  private final Duration timeout;
  private final String command;
  private final String configHint;
  private final Optional<String> org;

  private BlacksmithCli(Path executable, List<String> arguments, Duration timeout, String command,
      String configHint, Optional<String> org) {
    this.executable = executable;
    this.arguments = arguments;
    this.timeout = timeout;
    this.command = command;
    this.configHint = configHint;
    this.org = org;
  }

  /**
   * The CLI as configured; a {@link UsageException} naming the config key and the environment
   * variable when it cannot be found or a setting is invalid. {@code environment} supplies PATH.
   */
  public static BlacksmithCli configured(CliSettings settings, Map<String, String> environment) {
    BlacksmithConfig config = settings.blacksmith();
    String configFile = settings.store().file().toString();
    String hint = "set " + CliSettings.KEY_BLACKSMITH_CLI + " in " + configFile + " or "
        + CliSettings.ENV_BLACKSMITH_CLI + " to its path";
    Setting cli = settings.blacksmithCli();
    Path executable = locate(cli, environment.get("PATH"), hint);
    Optional<String> org = Optional.ofNullable(config.org()).map(String::strip).filter(o -> !o.isEmpty());
    List<String> arguments = new ArrayList<>();
    org.ifPresent(o -> arguments.addAll(List.of("--org", o)));
    arguments.addAll(listArgs(config, configFile));
    String name = cli.orElse(DEFAULT_EXECUTABLE);
    return new BlacksmithCli(executable, List.copyOf(arguments), timeout(config, configFile),
        name + " " + String.join(" ", arguments), hint, org);
  }

  /** The command line as the operator would type it, for messages. */
  public String command() {
    return command;
  }

  /** The Blacksmith organization, when configured. */
  public Optional<String> org() {
    return org;
  }

  /**
   * Runs the list command and parses its table. Blocking (it waits for the process): call it from
   * a worker thread.
   */
  public List<Testbox> listTestboxes() throws InterruptedException {
    List<String> argv = new ArrayList<>();
    argv.add(executable.toString());
    argv.addAll(arguments);
    ExternalCommand.Finished finished;
    try {
      finished = ExternalCommand.run(argv, WITHHELD, timeout);
    } catch (IOException e) {
      throw new UsageException("cannot run the Blacksmith CLI " + executable + ": " + e.getMessage()
          + "; " + configHint, e);
    } catch (ExternalCommand.TimedOut e) {
      throw new BlacksmithCliException("`" + command + "` did not finish within "
          + timeout.toSeconds() + " s and was stopped (raise blacksmith.timeoutSeconds in the config "
          + "file if it needs longer)", e);
    } catch (ExternalCommand.OutputTooLarge e) {
      throw new BlacksmithCliException("`" + command + "` " + e.getMessage(), e);
    }
    if (finished.exitCode() != 0) {
      throw new BlacksmithCliException("`" + command + "` failed with exit code " + finished.exitCode()
          + stderrBlock(finished.stderr()));
    }
    return TestboxListParser.parse(finished.stdout(), command);
  }

  /** The CLI's stderr, indented under the message; its last part when long. */
  private static String stderrBlock(String stderr) {
    String text = stderr.strip();
    if (text.isEmpty()) {
      return " and printed nothing on stderr";
    }
    if (text.length() > STDERR_TAIL_CHARS) {
      text = "..." + text.substring(text.length() - STDERR_TAIL_CHARS);
    }
    return "; its stderr:" + System.lineSeparator() + "  "
        + String.join(System.lineSeparator() + "  ", text.lines().toList());
  }

  private static Path locate(Setting cli, String path, String hint) {
    String name = cli.orElse(DEFAULT_EXECUTABLE);
    if (name.contains("/") || name.contains(File.separator)) {
      Path candidate = asPath(name);
      if (candidate == null || !runnable(candidate)) {
        throw new UsageException("Blacksmith CLI " + name + " (from " + cli.source()
            + ") does not exist or is not executable; " + hint);
      }
      return candidate;
    }
    for (String directory : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = directory.isEmpty() ? null : asPath(directory);
      candidate = candidate == null ? null : candidate.resolve(name);
      if (candidate != null && runnable(candidate)) {
        return candidate;
      }
    }
    String from = cli.isPresent() ? " (from " + cli.source() + ")" : "";
    throw new UsageException("Blacksmith CLI \"" + name + "\"" + from + " not found on PATH; "
        + "install it (https://docs.blacksmith.sh) or " + hint);
  }

  private static Path asPath(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static boolean runnable(Path candidate) {
    return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
  }

  private static List<String> listArgs(BlacksmithConfig config, String configFile) {
    List<String> args = config.listArgs();
    if (args == null) {
      return DEFAULT_LIST_ARGS;
    }
    if (args.isEmpty() || args.stream().anyMatch(a -> a == null || a.isBlank())) {
      throw new UsageException("blacksmith.listArgs in " + configFile
          + " must be a non-empty list of words, such as [testbox, list]");
    }
    return args;
  }

  private static Duration timeout(BlacksmithConfig config, String configFile) {
    Integer seconds = config.timeoutSeconds();
    if (seconds == null) {
      return DEFAULT_TIMEOUT;
    }
    if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
      throw new UsageException("blacksmith.timeoutSeconds in " + configFile + " must be 1-"
          + MAX_TIMEOUT_SECONDS + ", got " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }
}
