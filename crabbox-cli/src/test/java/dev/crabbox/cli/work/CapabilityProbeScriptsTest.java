package dev.crabbox.cli.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.Probes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe scripts run by this machine's /bin/sh, as a Linux lease's shell would run them. */
class CapabilityProbeScriptsTest {
  @TempDir
  Path dir;

  private record Outcome(int status, String out) {
  }

  private static Outcome sh(String script, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
    builder.environment().remove("BROWSER");
    builder.environment().remove("CHROME_BIN");
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    return new Outcome(process.exitValue(), out);
  }

  @Test
  void theSocketTableSearchSeesALoopbackListenerAndNotAClosedPort() throws Exception {
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertEquals(0, sh(CapabilityGate.vncListenerSearch(listening.getLocalPort()), Map.of()).status());
    }
    int closed;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = gone.getLocalPort();
    }
    assertEquals(1, sh(CapabilityGate.vncListenerSearch(closed), Map.of()).status());
  }

  @Test
  void browserSearchPrefersBrowserThenPathAndFailsWhenNothingIsThere() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path chromium = bin.resolve("chromium");
    Files.writeString(chromium, "#!/bin/sh\n");
    Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwxr-xr-x"));
    String search = CapabilityGate.browserSearch(Probes.browserSearchOrder(LeaseTarget.LINUX));

    assertEquals(new Outcome(0, chromium + "\n"), sh(search, Map.of("PATH", bin.toString())));
    assertEquals(new Outcome(0, "/bin/sh\n"), sh(search, Map.of("PATH", bin.toString(), "BROWSER", "/bin/sh")));
    assertEquals(new Outcome(1, ""), sh(search, Map.of("PATH", dir.resolve("nothing").toString())));
  }
}
