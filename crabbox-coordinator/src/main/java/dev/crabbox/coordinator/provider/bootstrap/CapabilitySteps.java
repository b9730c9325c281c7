package dev.crabbox.coordinator.provider.bootstrap;

import static dev.crabbox.coordinator.provider.bootstrap.CloudInitBootstrap.BOOTSTRAP_DIR;

import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.protocol.capability.CapabilityEnv;
import dev.crabbox.protocol.capability.Probes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The bootstrap steps of each capability (spec 003), built from the templates beside this class. */
final class CapabilitySteps {

  private static final String UNIT_DIR = "/etc/systemd/system/";
  private static final String CODE_SERVER_BIN = "/usr/local/bin/code-server";
  private static final String CODE_SERVER_ENV = "/etc/crabbox/code-server.env";
  private static final String BROWSER_PROFILE = "/etc/profile.d/crabbox-browser.sh";

  private CapabilitySteps() {}

  /** Helpers every step may call: package installs and waits. */
  static List<WriteFile> helpers() {
    return List.of(script("apt-install.sh", Map.of()), script("wait-port.sh", Map.of()));
  }

  /** The script cloud-init runs: each step's script in order, then the ready marker. */
  static WriteFile runner(List<BootstrapStep> steps) {
    StringBuilder names = new StringBuilder();
    for (BootstrapStep step : steps) {
      names.append(names.length() == 0 ? "" : " ").append(step.scriptName());
    }
    return script("bootstrap.sh", Map.of(
        "READY_MARKER", MachineBootstrap.READY_MARKER,
        "FAILED_MARKER", CloudInitBootstrap.FAILED_MARKER,
        "STEPS", names.toString()));
  }

  /** Every lease: Java 17 and curl. */
  static BootstrapStep base() {
    return new BootstrapStep(script("base.sh", Map.of()), List.of());
  }

  /** Xvfb, XFCE and x11vnc as units, the password file readable by the lease user only. */
  static BootstrapStep desktop(String vncPassword) {
    Map<String, String> values = Map.of("VNC_PASSWORD_FILE", CloudInitBootstrap.VNC_PASSWORD_FILE);
    return new BootstrapStep(script("desktop.sh", values), List.of(
        new WriteFile(CloudInitBootstrap.VNC_PASSWORD_FILE, WriteFile.PRIVATE, vncPassword),
        script("wait-display.sh", Map.of()),
        unit("crabbox-xvfb.service", Map.of()),
        unit("crabbox-xfce.service", Map.of()),
        unit("crabbox-x11vnc.service", values)));
  }

  /** Chrome or Chromium, the wrapper that runs it and the login-shell variables naming it. */
  static BootstrapStep browser() {
    StringBuilder profile = new StringBuilder(
        "# Crabbox --browser: tools that read BROWSER or CHROME_BIN use the lease's browser.\n");
    CapabilityEnv.browser(CloudInitBootstrap.BROWSER_PATH)
        .forEach((name, value) -> profile.append("export ").append(name).append('=')
            .append(Template.shellQuote(value)).append('\n'));
    return new BootstrapStep(script("browser.sh", Map.of()), List.of(
        new WriteFile(CloudInitBootstrap.BROWSER_PATH, WriteFile.EXECUTABLE,
            Template.fill("crabbox-browser.sh", Map.of())),
        new WriteFile(BROWSER_PROFILE, WriteFile.READABLE, profile.toString())));
  }

  /**
   * The configured code-server release, checked against its SHA-256, and its unit; the token is
   * code-server's password, in a root-only environment file.
   */
  static BootstrapStep codeServer(BootstrapOptions options, String token) {
    Map<String, String> values = Map.of(
        "VERSION", Template.shellQuote(options.codeServerVersion()),
        "URL", Template.shellQuote(options.codeServerDownloadUrl()),
        "SHA256", Template.shellQuote(options.codeServerSha256()),
        "CODE_SERVER_BIN", CODE_SERVER_BIN,
        "ENV_FILE", CODE_SERVER_ENV);
    return new BootstrapStep(script("code-server.sh", values), List.of(
        new WriteFile(CODE_SERVER_ENV, WriteFile.PRIVATE, "PASSWORD=" + token + "\n"),
        unit("crabbox-code-server.service", values)));
  }

  private static WriteFile script(String name, Map<String, String> values) {
    return new WriteFile(BOOTSTRAP_DIR + "/" + name, WriteFile.EXECUTABLE, fill(name, values));
  }

  private static WriteFile unit(String name, Map<String, String> values) {
    return new WriteFile(UNIT_DIR + name, WriteFile.READABLE, fill(name, values));
  }

  /** Fills the placeholders every template may use, then the step's own. */
  private static String fill(String name, Map<String, String> values) {
    Map<String, String> all = new HashMap<>();
    all.put("BOOTSTRAP_DIR", BOOTSTRAP_DIR);
    all.put("USER", MachineBootstrap.SSH_USER);
    all.put("DISPLAY", CapabilityEnv.DISPLAY);
    all.put("VNC_PORT", Integer.toString(Probes.VNC_PORT));
    all.put("PORT", Integer.toString(CloudInitBootstrap.CODE_SERVER_PORT));
    all.put("BROWSER_PATH", CloudInitBootstrap.BROWSER_PATH);
    all.putAll(values);
    return Template.fill(name, all);
  }
}
