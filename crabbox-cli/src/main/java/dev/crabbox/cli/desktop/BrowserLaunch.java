package dev.crabbox.cli.desktop;

import dev.crabbox.cli.ssh.ShellWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell command {@code desktop launch} runs on the lease: the browser (or {@code xdg-open} for
 * a bare URL) detached with setsid/nohup on the desktop's display, logging to
 * {@code ${TMPDIR:-/tmp}/crabbox-desktop-launch.log}; it prints the started process id.
 */
final class BrowserLaunch {
  /** The launch log on the lease, as the shell expands it. */
  static final String LOG = "${TMPDIR:-/tmp}/crabbox-desktop-launch.log";

  private BrowserLaunch() {
  }

  /**
   * @param environment the run environment (DISPLAY, BROWSER, CHROME_BIN …)
   * @param browser whether to start the browser ({@code $CHROME_BIN}) rather than xdg-open
   * @param url the page to open, or null
   * @param proxy the lease-local egress proxy ({@code 127.0.0.1:3128}), or null
   * @param fullscreen whether the browser starts full screen
   */
  static String script(Map<String, String> environment, boolean browser, String url, String proxy,
      boolean fullscreen) {
    List<String> argv = new ArrayList<>();
    String program;
    if (browser) {
      program = "\"$CHROME_BIN\"";
      argv.add("--no-first-run");
      argv.add("--no-default-browser-check");
      if (proxy != null) {
        argv.add("--proxy-server=http://" + proxy);
      }
      if (fullscreen) {
        argv.add("--start-fullscreen");
      }
    } else {
      program = "xdg-open";
    }
    if (url != null) {
      argv.add(url);
    }
    StringBuilder command = new StringBuilder("log=\"" + LOG + "\"; setsid nohup ").append(program);
    argv.forEach(arg -> command.append(' ').append(ShellWords.quote(arg)));
    command.append(" > \"$log\" 2>&1 < /dev/null & echo $!");
    return ShellWords.withEnvironment(environment, command.toString());
  }
}
