package dev.crabbox.cli.coordinator;

import dev.crabbox.coordinator.CoordinatorOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: the coordinator's data directory (database, signing key, admin token). */
public final class DataDirOption {
  @Option(names = "--data", paramLabel = "<dir>",
      description = "Coordinator data directory (database, signing key, admin token). "
          + "Default: ~/.local/share/crabbox/coordinator.")
  Path dataDir;

  /** The directory given, or the coordinator's default. */
  public Path dataDir() {
    return (dataDir != null ? dataDir : CoordinatorOptions.defaultDataDir()).toAbsolutePath();
  }
}
