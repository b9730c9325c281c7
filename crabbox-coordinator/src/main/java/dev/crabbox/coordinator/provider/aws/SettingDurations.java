package dev.crabbox.coordinator.provider.aws;

import dev.crabbox.protocol.time.DurationText;
import java.time.Duration;

/**
 * Durations in the {@code providers.aws} section ({@code 30}, {@code "30s"}, {@code "10m"},
 * {@code "1h30m"}, {@code "500ms"}), parsed by the shared {@link DurationText} with messages that
 * name the full setting.
 */
final class SettingDurations {

  private SettingDurations() {}

  /**
   * Parses {@code text}; throws {@link IllegalArgumentException} naming {@code key} when it is not
   * a positive duration.
   */
  static Duration parse(String key, String text) {
    String setting = "providers.aws." + key;
    try {
      return DurationText.parse(setting, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().endsWith("must be positive")
          ? setting + " must be longer than zero"
          : setting + " is not a duration: \"" + text
              + "\" (use seconds or text like \"30s\", \"10m\", \"500ms\")", e);
    }
  }

  /** {@code 30s}, {@code 10m}, {@code 1h30m}, {@code 250ms}: how the settings are written. */
  static String format(Duration duration) {
    return DurationText.format(duration);
  }
}
