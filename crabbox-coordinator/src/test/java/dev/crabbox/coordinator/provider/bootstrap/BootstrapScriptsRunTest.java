package dev.crabbox.coordinator.provider.bootstrap;

import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.content;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.parse;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.requestWithFixedSecrets;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.run;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.ProcessResult;
import dev.crabbox.protocol.api.LeaseView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated runner and code-server scripts for real. The scripts use the lease's
 * absolute paths, so the test roots them in a temporary directory; commands that need root or
 * the network ({@code curl}, {@code systemctl}) are stand-ins on {@code PATH}, everything else
 * ({@code sha256sum}, {@code tar}, {@code ln}) is the real tool.
 */
class BootstrapScriptsRunTest {

  private static final LeaseView.Labels ALL = new LeaseView.Labels(true, true, true);
  private static final String VERSION = BootstrapOptions.DEFAULT_CODE_SERVER_VERSION;

  @TempDir
  Path dir;

  private Path root;
  private Path fakeBin;
  private Path log;

  @BeforeEach
  void lease() throws IOException {
    root = Files.createDirectories(dir.resolve("lease"));
    Files.createDirectories(root.resolve("var/lib/crabbox/bootstrap"));
    Files.createDirectories(root.resolve("usr/local/bin"));
    fakeBin = Files.createDirectories(dir.resolve("fake-bin"));
    log = dir.resolve("calls.log");
    executable(fakeBin.resolve("systemctl"), "echo \"systemctl $*\" >>\"$CALLS\"\n");
    executable(root.resolve("var/lib/crabbox/bootstrap/wait-port.sh"),
        "echo \"wait-port $*\" >>\"$CALLS\"\n");
  }

  @Test
  void runnerTouchesTheReadyMarkerAfterEveryStepSucceeded() throws IOException {
    for (String step : List.of("base.sh", "desktop.sh", "browser.sh", "code-server.sh")) {
      step(step, 0);
    }

    ProcessResult result = runScript(runner(), Map.of());
    assertEquals(0, result.exitCode(), result.output());
    assertEquals("base.sh\ndesktop.sh\nbrowser.sh\ncode-server.sh\n", calls());
    assertTrue(Files.exists(onLease(MachineBootstrap.READY_MARKER)));
    assertFalse(Files.exists(onLease(CloudInitBootstrap.FAILED_MARKER)));
  }

  @Test
  void runnerStopsAtAFailingStepAndNeverLooksReady() throws IOException {
    step("base.sh", 0);
    step("desktop.sh", 0);
    step("browser.sh", 3);
    step("code-server.sh", 0);
    Files.writeString(onLease(MachineBootstrap.READY_MARKER), "left over from a test image");

    ProcessResult result = runScript(runner(), Map.of());
    assertNotEquals(0, result.exitCode());
    assertEquals("base.sh\ndesktop.sh\nbrowser.sh\n", calls(), "nothing runs after a failure");
    assertFalse(Files.exists(onLease(MachineBootstrap.READY_MARKER)));
    assertTrue(Files.readString(onLease(CloudInitBootstrap.FAILED_MARKER))
        .contains("crabbox bootstrap failed in browser.sh"));
  }

  @Test
  void codeServerIsInstalledAndStartedWhenTheDownloadMatchesTheChecksum() throws IOException {
    Path tarball = codeServerTarball();

    ProcessResult result = runScript(codeServerScript(sha256(tarball)),
        Map.of("TARBALL", tarball.toString()));
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("code-server.tar.gz: OK"), result.output());
    Path installed = root.resolve("usr/local/bin/code-server");
    assertEquals(root.resolve("usr/local/lib/code-server-" + VERSION + "/bin/code-server"),
        Files.readSymbolicLink(installed));
    assertEquals("curl " + BootstrapOptions.DEFAULTS.codeServerDownloadUrl() + "\n"
        + "systemctl daemon-reload\n"
        + "systemctl enable --now crabbox-code-server.service\n"
        + "wait-port 8080 code-server\n", calls());
  }

  @Test
  void codeServerIsNotInstalledWhenTheDownloadDoesNotMatch() throws IOException {
    Path tarball = codeServerTarball();
    String otherSha256 = "0".repeat(64);

    ProcessResult result = runScript(codeServerScript(otherSha256),
        Map.of("TARBALL", tarball.toString()));
    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("code-server " + VERSION + " from "
        + BootstrapOptions.DEFAULTS.codeServerDownloadUrl()
        + " does not match providers.bootstrap.codeServerSha256; refusing to install it"),
        result.output());
    assertFalse(Files.exists(root.resolve("usr/local/lib/code-server-" + VERSION)));
    assertFalse(Files.exists(root.resolve("usr/local/bin/code-server"), LinkOption.NOFOLLOW_LINKS));
    assertEquals("curl " + BootstrapOptions.DEFAULTS.codeServerDownloadUrl() + "\n", calls(),
        "nothing is started");
  }

  private String runner() {
    Map<String, Object> document = parse(new CloudInitBootstrap(BootstrapOptions.DEFAULTS)
        .userData(requestWithFixedSecrets(ALL)));
    return content(document, CloudInitBootstrap.BOOTSTRAP_DIR + "/bootstrap.sh");
  }

  private String codeServerScript(String sha256) throws IOException {
    // curl stands in for the download: it records the URL and delivers the prepared tarball.
    executable(fakeBin.resolve("curl"), "out=\n"
        + "while [ $# -gt 0 ]; do\n"
        + "  case $1 in -o) out=$2; shift ;; https://*) echo \"curl $1\" >>\"$CALLS\" ;; esac\n"
        + "  shift\n"
        + "done\n"
        + "cp \"$TARBALL\" \"$out\"\n");
    BootstrapOptions options = new BootstrapOptions(VERSION, sha256,
        BootstrapOptions.DEFAULT_CODE_SERVER_URL);
    Map<String, Object> document = parse(new CloudInitBootstrap(options)
        .userData(requestWithFixedSecrets(new LeaseView.Labels(false, false, true))));
    return content(document, CloudInitBootstrap.BOOTSTRAP_DIR + "/code-server.sh");
  }

  /** A release-shaped tarball: code-server-VERSION-linux-amd64/bin/code-server. */
  private Path codeServerTarball() throws IOException {
    Path release = dir.resolve("release");
    String top = "code-server-" + VERSION + "-linux-amd64";
    Path bin = Files.createDirectories(release.resolve(top).resolve("bin"));
    executable(bin.resolve("code-server"), "echo \"" + VERSION + " (test build)\"\n");
    Path tarball = dir.resolve("code-server.tar.gz");
    ProcessResult tar = run(List.of("tar", "-czf", tarball.toString(), "-C", release.toString(),
        top), dir);
    assertEquals(0, tar.exitCode(), tar.output());
    return tarball;
  }

  private void step(String name, int exitCode) throws IOException {
    executable(root.resolve("var/lib/crabbox/bootstrap").resolve(name),
        "echo " + name + " >>\"$CALLS\"\nexit " + exitCode + "\n");
  }

  private ProcessResult runScript(String script, Map<String, String> env) {
    String rooted = script.replace("/var/lib/crabbox", root + "/var/lib/crabbox")
        .replace("/usr/local", root + "/usr/local");
    Path file = write(dir, "script.sh", rooted);
    List<String> command = new ArrayList<>(List.of("/usr/bin/env",
        "PATH=" + fakeBin + ":/usr/bin:/bin", "CALLS=" + log));
    env.forEach((key, value) -> command.add(key + "=" + value));
    command.addAll(List.of("/bin/sh", file.toString()));
    return run(command, dir);
  }

  private Path onLease(String absolutePath) {
    return root.resolve(absolutePath.substring(1));
  }

  private String calls() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private static void executable(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
