package dev.crabbox.protocol.capability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The environment a run gets for each capability of its lease (spec 003), as ordered data. */
public final class CapabilityEnv {

  /** The X display the managed desktop draws on. */
  public static final String DISPLAY = ":99";

  private CapabilityEnv() {}

  /** {@code DISPLAY=:99}, {@code CRABBOX_DESKTOP=1}. */
  public static Map<String, String> desktop() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DISPLAY", DISPLAY);
    env.put("CRABBOX_DESKTOP", "1");
    return Collections.unmodifiableMap(env);
  }

  /**
   * {@code BROWSER=<path>}, {@code CHROME_BIN=<path>}, {@code CRABBOX_BROWSER=1}.
   *
   * @param browserPath the detected (static/local) or provisioned (managed) browser binary
   * @throws IllegalArgumentException when the path is blank
   */
  public static Map<String, String> browser(String browserPath) {
    Objects.requireNonNull(browserPath, "browserPath");
    if (browserPath.isBlank()) {
      throw new IllegalArgumentException("browser path must not be blank");
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BROWSER", browserPath);
    env.put("CHROME_BIN", browserPath);
    env.put("CRABBOX_BROWSER", "1");
    return Collections.unmodifiableMap(env);
  }

  /**
   * The whole capability environment for a run: desktop variables, then browser variables; code
   * adds none (it is reached through the portal bridge).
   *
   * @param browserPath required when {@code capabilities} contains browser, ignored otherwise
   * @throws IllegalArgumentException when browser is present and the path is null or blank
   */
  public static Map<String, String> forRun(Set<Capability> capabilities, String browserPath) {
    Objects.requireNonNull(capabilities, "capabilities");
    Map<String, String> env = new LinkedHashMap<>();
    if (capabilities.contains(Capability.DESKTOP)) {
      env.putAll(desktop());
    }
    if (capabilities.contains(Capability.BROWSER)) {
      if (browserPath == null) {
        throw new IllegalArgumentException("browser requested but no browser path was given");
      }
      env.putAll(browser(browserPath));
    }
    return Collections.unmodifiableMap(env);
  }
}
