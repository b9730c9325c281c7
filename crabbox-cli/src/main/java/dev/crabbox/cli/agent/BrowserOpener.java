package dev.crabbox.cli.agent;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Opens a URL in the operator's browser for {@code --open}: through the JVM's desktop support
 * when there is a display, else through {@code xdg-open}; otherwise says why it cannot.
 */
public final class BrowserOpener {

  private BrowserOpener() {}

  /** Opens {@code url}; empty when it did, else the reason it could not (for the user). */
  public static Optional<String> open(URI url) {
    if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      try {
        Desktop.getDesktop().browse(url);
        return Optional.empty();
      } catch (IOException | UnsupportedOperationException e) {
        // fall through to xdg-open
      }
    }
    Optional<File> xdgOpen = onPath("xdg-open");
    if (xdgOpen.isEmpty()) {
      return Optional.of("cannot open a browser here (no desktop support and no xdg-open on the PATH); "
          + "open the URL yourself");
    }
    try {
      new ProcessBuilder(xdgOpen.get().getPath(), url.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot open a browser with xdg-open (" + e.getMessage() + "); open the URL yourself");
    }
  }

  private static Optional<File> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, program);
      if (candidate.canExecute()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
