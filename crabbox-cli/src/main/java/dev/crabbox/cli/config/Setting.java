package dev.crabbox.cli.config;

/**
 * One effective setting and where it came from ({@code --coordinator}, {@code CRABBOX_TOKEN},
 * {@code config file ...}), so that an error about a bad value can say where to fix it.
 *
 * @param value the value, or null when no source provides it
 * @param source a human-readable origin, or null when absent
 */
public record Setting(String value, String source) {

  static final Setting ABSENT = new Setting(null, null);

  public boolean isPresent() {
    return value != null;
  }

  /** {@code value}, or {@code fallback} when absent. */
  public String orElse(String fallback) {
    return value != null ? value : fallback;
  }
}
