package dev.crabbox.protocol.capability;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * An opt-in lease capability. The declaration order (desktop, browser, code) is the order in which
 * checks run and therefore which failure is reported first.
 */
public enum Capability {
  /** Visible desktop with a loopback VNC server ({@code --desktop}, label {@code desktop}). */
  DESKTOP("desktop"),
  /** Chrome/Chromium exported via {@code $BROWSER} and {@code $CHROME_BIN} ({@code --browser}). */
  BROWSER("browser"),
  /** code-server on a loopback port, bridged through the portal ({@code --code}). */
  CODE("code");

  private final String label;

  Capability(String label) {
    this.label = label;
  }

  /** The lease label key and CLI flag name: {@code desktop}, {@code browser}, {@code code}. */
  public String label() {
    return label;
  }

  /** The CLI flag that requests this capability, e.g. {@code --desktop}. */
  public String flag() {
    return "--" + label;
  }

  /**
   * Parses a label name ({@code desktop}, {@code browser}, {@code code}; case-insensitive, trimmed).
   *
   * @throws IllegalArgumentException naming the known capabilities
   */
  public static Capability parse(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (Capability c : values()) {
        if (c.label.equals(n)) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown capability \"" + name + "\"; known capabilities: desktop, browser, code");
  }

  /**
   * Reads the capability labels from a lease's string labels ({@code desktop=true|false}, ...).
   * Only the exact value {@code true} (case-insensitive) counts as set; a missing or other value
   * is {@code false}. Unrelated labels are ignored. Every capability has an entry in the result.
   */
  public static Map<Capability, Boolean> fromLabels(Map<String, String> labels) {
    Map<Capability, Boolean> out = new EnumMap<>(Capability.class);
    for (Capability c : values()) {
      String v = labels == null ? null : labels.get(c.label);
      out.put(c, v != null && v.trim().equalsIgnoreCase("true"));
    }
    return out;
  }
}
