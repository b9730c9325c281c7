package dev.crabbox.cli.login;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a URL in the user's browser when there is a desktop to open it on ({@code open} on
 * macOS, {@code xdg-open} under X11 or Wayland); otherwise does nothing, and the printed URL is
 * the way in. A failure to open is never fatal.
 */
@FunctionalInterface
interface BrowserOpener {

  Logger LOG = LoggerFactory.getLogger(BrowserOpener.class);

  void open(String url);

  /** The opener for this machine, judged from the environment variables. */
  static BrowserOpener forDesktop(Map<String, String> env) {
    boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
    boolean linuxDesktop = env.containsKey("DISPLAY") || env.containsKey("WAYLAND_DISPLAY");
    if (!mac && !linuxDesktop) {
      return url -> { };
    }
    String command = mac ? "open" : "xdg-open";
    return url -> {
      try {
        new ProcessBuilder(List.of(command, url)).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        LOG.debug("could not run {}: {}", command, e.getMessage());
      }
    };
  }
}
