package dev.crabbox.portal.bridge;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real desktop for the VNC bridge tests: Xvfb on a free display, its root window painted with
 * {@code xsetroot -solid}, and x11vnc serving it on a loopback port without a password (the
 * loopback bind is the boundary, as on a lease).
 */
final class X11Desktop implements AutoCloseable {

  static final String XVFB = "/usr/bin/Xvfb";
  static final String X11VNC = "/usr/bin/x11vnc";
  static final String XSETROOT = "/usr/bin/xsetroot";

  private final Process xvfb;
  private final Process x11vnc;
  private final int vncPort;

  private X11Desktop(Process xvfb, Process x11vnc, int vncPort) {
    this.xvfb = xvfb;
    this.x11vnc = x11vnc;
    this.vncPort = vncPort;
  }

  static boolean available() {
    return List.of(XVFB, X11VNC, XSETROOT).stream().allMatch(p -> Files.isExecutable(Path.of(p)));
  }

  /** Starts Xvfb, paints the root window {@code colour} (e.g. {@code #ff8000}) and serves it over VNC. */
  static X11Desktop start(String colour) throws IOException, InterruptedException {
    Process xvfb = new ProcessBuilder(XVFB, "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp",
        // Without -noreset the server resets (root window back to black) when xsetroot disconnects.
        "-noreset")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String display;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(),
        StandardCharsets.UTF_8))) {
      display = ":" + out.readLine().trim();
    }
    run(XSETROOT, "-display", display, "-solid", colour);
    int port = freePort();
    Process x11vnc = new ProcessBuilder(X11VNC, "-display", display, "-rfbport", Integer.toString(port),
        "-localhost", "-nopw", "-forever", "-shared", "-quiet")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    X11Desktop desktop = new X11Desktop(xvfb, x11vnc, port);
    await().atMost(Duration.ofSeconds(20)).until(() -> listening(port));
    return desktop;
  }

  int vncPort() {
    return vncPort;
  }

  @Override
  public void close() {
    for (Process process : List.of(x11vnc, xvfb)) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
