package dev.crabbox.coordinator.store;

import java.util.Locale;

/** Lifecycle of a run: {@code running} until finished with exit code 0 or another. */
public enum RunState {
  RUNNING,
  SUCCEEDED,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunState parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  /** The end state for an exit code. */
  public static RunState forExitCode(int exitCode) {
    return exitCode == 0 ? SUCCEEDED : FAILED;
  }
}
