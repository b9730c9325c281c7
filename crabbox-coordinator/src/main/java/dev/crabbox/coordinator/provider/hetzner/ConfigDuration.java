package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.protocol.time.DurationText;
import java.time.Duration;

/**
 * Durations in the provider config ({@code 30}, {@code "2m"}, {@code "1m30s"}, {@code "500ms"}),
 * parsed by the shared {@link DurationText} with a message that names the full setting.
 */
final class ConfigDuration {

  private ConfigDuration() {}

  /**
   * Parses a positive duration.
   *
   * @param setting the full setting name, for the message ({@code providers.hetzner.pollInterval})
   * @throws IllegalArgumentException naming the setting and the accepted forms
   */
  static Duration parse(String setting, Object value) {
    try {
      return DurationText.parse(setting, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " must be a positive duration such as \"30s\", "
          + "\"2m\" or a number of seconds; got "
          + (value instanceof String ? "\"" + value + "\"" : String.valueOf(value)), e);
    }
  }

  /** {@code 1h30m}, {@code 2m}, {@code 30s}, {@code 500ms}: the shortest exact form. */
  static String format(Duration duration) {
    return DurationText.format(duration);
  }
}
