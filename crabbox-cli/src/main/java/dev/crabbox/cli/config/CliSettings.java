package dev.crabbox.cli.config;

import dev.crabbox.cli.error.MissingSettingException;
import dev.crabbox.cli.error.UsageException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The effective CLI settings with their precedence: a command-line flag beats an environment
 * variable ({@code CRABBOX_COORDINATOR}, {@code CRABBOX_TOKEN}, {@code CRABBOX_PROVIDER}), which
 * beats the config file. Blank values count as absent. The file is read at most once, and only
 * when a setting is not given by a flag or the environment.
 */
public final class CliSettings {
  public static final String ENV_COORDINATOR = "CRABBOX_COORDINATOR";
  public static final String ENV_TOKEN = "CRABBOX_TOKEN";
  public static final String ENV_PROVIDER = "CRABBOX_PROVIDER";
  public static final String ENV_SSH_KEY = "CRABBOX_SSH_KEY";
  public static final String ENV_BLACKSMITH_CLI = "CRABBOX_BLACKSMITH_CLI";
  /** The config-file key of the Blacksmith CLI executable. */
  public static final String KEY_BLACKSMITH_CLI = "blacksmith.cli";

  private static final String LOGIN_HINT = "run `crabbox login --coordinator URL --token T`";

  private final Map<String, String> environment;
  private final CliConfigStore store;
  private CliConfig file;

  public CliSettings(Map<String, String> environment, CliConfigStore store) {
    this.environment = environment;
    this.store = store;
  }

  public CliConfigStore store() {
    return store;
  }

  public Setting coordinator(String flag) {
    return resolve(flag, "--coordinator", ENV_COORDINATOR, fileConfig().coordinator(), "coordinator");
  }

  public Setting token(String flag) {
    return resolve(flag, "--token", ENV_TOKEN, fileConfig().token(), "token");
  }

  public Setting provider(String flag) {
    return resolve(flag, "--provider", ENV_PROVIDER, fileConfig().provider(), "provider");
  }

  /** The operator's SSH private key for leases ({@code sshKey} in the file). */
  public Setting sshKey(String flag) {
    return resolve(flag, "--ssh-key", ENV_SSH_KEY, fileConfig().sshKey(), "sshKey");
  }

  /** The CA file has no environment variable: a flag, else the file. */
  public Setting ca(String flag) {
    return resolve(flag, "--ca", null, fileConfig().ca(), "ca");
  }

  /** The Blacksmith CLI executable: {@code CRABBOX_BLACKSMITH_CLI}, else {@code blacksmith.cli}. */
  public Setting blacksmithCli() {
    return resolve(null, null, ENV_BLACKSMITH_CLI, fileConfig().blacksmithOrEmpty().cli(),
        KEY_BLACKSMITH_CLI);
  }

  /**
   * Extra request headers configured for the coordinator ({@code coordinatorHeaders} in the file),
   * e.g. an access gateway's service token; empty when none.
   */
  public Map<String, String> coordinatorHeaders() {
    return fileConfig().coordinatorHeadersOrEmpty();
  }

  /** The {@code blacksmith:} section of the config file (empty when absent). */
  public BlacksmithConfig blacksmith() {
    return fileConfig().blacksmithOrEmpty();
  }

  /** The coordinator base URL, normalised to http(s); fails with a how-to-fix message. */
  public URI requireCoordinator(String flag) {
    Setting setting = coordinator(flag);
    if (!setting.isPresent()) {
      throw new MissingSettingException("no coordinator configured; " + LOGIN_HINT
          + ", set " + ENV_COORDINATOR + ", or pass --coordinator URL");
    }
    return CoordinatorUrl.parse(setting);
  }

  /** The bearer token; fails with a how-to-fix message. */
  public String requireToken(String flag) {
    Setting setting = token(flag);
    if (!setting.isPresent()) {
      throw new MissingSettingException("no token configured; " + LOGIN_HINT
          + " or set " + ENV_TOKEN);
    }
    return setting.value();
  }

  /** The provider label, checked against the known providers. */
  public Optional<String> validProvider(String flag) {
    Setting setting = provider(flag);
    return setting.isPresent() ? Optional.of(ProviderLabels.check(setting)) : Optional.empty();
  }

  /** The CA file, which must exist when given. */
  public Optional<Path> caFile(String flag) {
    Setting setting = ca(flag);
    if (!setting.isPresent()) {
      return Optional.empty();
    }
    Path path = Path.of(setting.value()).toAbsolutePath();
    if (!Files.isReadable(path)) {
      throw new UsageException("CA file " + path + " (from " + setting.source()
          + ") does not exist or is not readable");
    }
    return Optional.of(path);
  }

  private Setting resolve(String flagValue, String flagName, String envName, String fileValue, String key) {
    if (present(flagValue)) {
      return new Setting(flagValue.trim(), flagName);
    }
    String envValue = envName == null ? null : environment.get(envName);
    if (present(envValue)) {
      return new Setting(envValue.trim(), envName);
    }
    if (present(fileValue)) {
      return new Setting(fileValue.trim(), key + " in " + store.file());
    }
    return Setting.ABSENT;
  }

  private CliConfig fileConfig() {
    if (file == null) {
      file = store.load();
    }
    return file;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
