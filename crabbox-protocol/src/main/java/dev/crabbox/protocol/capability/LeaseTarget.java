package dev.crabbox.protocol.capability;

import java.util.Locale;

/** The operating system a lease runs. */
public enum LeaseTarget {
  LINUX("linux"),
  MACOS("macos"),
  WINDOWS("windows");

  private final String wireName;

  LeaseTarget(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the wire, in labels and on the CLI: {@code linux}, {@code macos}, {@code windows}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses {@code linux}, {@code macos} or {@code windows} (case-insensitive, trimmed).
   *
   * @throws IllegalArgumentException naming the known targets
   */
  public static LeaseTarget parse(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (LeaseTarget t : values()) {
        if (t.wireName.equals(n)) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown target \"" + name + "\"; known targets: linux, macos, windows");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
