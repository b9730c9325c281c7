package dev.crabbox.protocol.capability;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What to probe on static/local hosts (spec 003, "Static Targets"): the loopback VNC port for
 * desktop and the OS-specific browser search order. The caller runs the probes over SSH and takes
 * the first candidate that resolves.
 */
public final class Probes {

  /** The desktop probe address: VNC must listen on {@code 127.0.0.1:5900}. */
  public static final String VNC_HOST = "127.0.0.1";

  /** The desktop probe port. */
  public static final int VNC_PORT = 5900;

  private static final List<BrowserCandidate> LINUX =
      List.of(
          BrowserCandidate.env("BROWSER"),
          BrowserCandidate.env("CHROME_BIN"),
          BrowserCandidate.path("google-chrome"),
          BrowserCandidate.path("chromium"),
          BrowserCandidate.path("chromium-browser"));

  private static final List<BrowserCandidate> MACOS =
      List.of(BrowserCandidate.file("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

  private static final List<BrowserCandidate> WINDOWS =
      List.of(
          BrowserCandidate.path("chrome.exe"),
          BrowserCandidate.path("msedge.exe"),
          BrowserCandidate.file("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"),
          BrowserCandidate.file("C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe"),
          BrowserCandidate.file("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"),
          BrowserCandidate.file("C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe"));

  private Probes() {}

  /** The browser search order for {@code target}, first match wins. */
  public static List<BrowserCandidate> browserSearchOrder(LeaseTarget target) {
    Objects.requireNonNull(target, "target");
    switch (target) {
      case LINUX:
        return LINUX;
      case MACOS:
        return MACOS;
      case WINDOWS:
        return WINDOWS;
      default:
        throw new IllegalArgumentException("unhandled target " + target);
    }
  }

  /** The error a run aborts with when {@code --browser} finds nothing on the host. */
  public static String browserNotFound(LeaseTarget target) {
    return "--browser was requested but no browser was found on the "
        + target.wireName()
        + " host; searched "
        + browserSearchOrder(target).stream().map(BrowserCandidate::toString).collect(Collectors.joining(", "));
  }

  /** The error a run aborts with when {@code --desktop} finds no loopback VNC on the host. */
  public static String desktopNotFound() {
    return "--desktop was requested but nothing is listening on " + VNC_HOST + ":" + VNC_PORT
        + " on the host; enable a VNC server bound to loopback";
  }
}
