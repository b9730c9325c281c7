package dev.crabbox.cli.desktop;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Opens a URL in this machine's browser: {@code xdg-open} on Linux, {@code open} on macOS. */
final class LocalOpener {
  private LocalOpener() {
  }

  static void open(URI page, PrintWriter err) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> command = os.contains("mac") ? List.of("open", page.toString()) : List.of("xdg-open", page.toString());
    try {
      new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      err.println("crabbox: warning: cannot open a browser here (" + command.get(0) + ": " + e.getMessage()
          + "); open " + page + " yourself");
      err.flush();
    }
  }
}
