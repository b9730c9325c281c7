package dev.crabbox.cli.coordinator;

import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** Opens (or creates, on first use) the coordinator's key files for offline token work. */
final class KeysLoader {
  private KeysLoader() {
  }

  /**
   * The keys in {@code dataDir}. Creating them is fine (a coordinator started later uses the same
   * ones), but a mistyped {@code --data} would also create them, so that case is said on stderr.
   */
  static CoordinatorKeys load(Path dataDir, PrintWriter err) {
    CoordinatorKeys keys;
    try {
      keys = CoordinatorKeys.loadOrCreate(dataDir, Clock.systemUTC());
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new FatalSetupException(e.getMessage(), e);
    }
    if (keys.created()) {
      err.println("crabbox: created a new signing key and admin token in " + dataDir
          + " (no coordinator has used this data directory yet)");
      err.flush();
    }
    return keys;
  }
}
