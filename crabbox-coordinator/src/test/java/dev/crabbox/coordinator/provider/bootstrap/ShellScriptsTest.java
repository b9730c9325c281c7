package dev.crabbox.coordinator.provider.bootstrap;

import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.content;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.parse;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.requestWithFixedSecrets;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.run;
import static dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.bootstrap.BootstrapFixtures.ProcessResult;
import dev.crabbox.protocol.api.LeaseView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shell part of the document passes {@code sh -n}; the browser wrapper really dispatches. */
class ShellScriptsTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "every capability: {0}")
  @ValueSource(booleans = {false, true})
  void everyShellPartIsValidPosixShell(boolean everything) {
    LeaseView.Labels labels = everything ? new LeaseView.Labels(true, true, true)
        : LeaseView.Labels.NONE;
    Map<String, Object> document = parse(new CloudInitBootstrap(BootstrapOptions.DEFAULTS)
        .userData(requestWithFixedSecrets(labels)));

    Map<String, String> parts = BootstrapFixtures.shellParts(document);
    assertTrue(parts.size() >= (everything ? 11 : 5), parts.keySet().toString());
    parts.forEach((name, script) -> {
      ProcessResult check = syntaxCheck(script);
      assertEquals(0, check.exitCode(), name + " is not valid shell: " + check.output());
    });
  }

  @Test
  void theSyntaxCheckCatchesABrokenScript() {
    assertNotEquals(0, syntaxCheck("#!/bin/sh\nif true; then\n  echo unterminated\n").exitCode());
  }

  @Test
  void browserWrapperPrefersChromeOverChromium() throws IOException {
    Path wrapper = browserWrapper();
    fakeBrowser("google-chrome-stable");
    fakeBrowser("chromium");

    ProcessResult result = run(List.of("/usr/bin/env", "PATH=" + dir.resolve("bin"), "/bin/sh",
        wrapper.toString(), "--version"), dir);
    assertEquals(new ProcessResult(0, "google-chrome-stable --version\n"), result);
  }

  @Test
  void browserWrapperFallsBackToChromium() throws IOException {
    Path wrapper = browserWrapper();
    fakeBrowser("chromium-browser");

    ProcessResult result = run(List.of("/usr/bin/env", "PATH=" + dir.resolve("bin"), "/bin/sh",
        wrapper.toString(), "--headless", "about:blank"), dir);
    assertEquals(new ProcessResult(0, "chromium-browser --headless about:blank\n"), result);
  }

  @Test
  void browserWrapperSaysSoWhenNoBrowserIsInstalled() throws IOException {
    Path wrapper = browserWrapper();
    Files.createDirectories(dir.resolve("bin"));

    ProcessResult result = run(List.of("/usr/bin/env", "PATH=" + dir.resolve("bin"), "/bin/sh",
        wrapper.toString()), dir);
    assertEquals(127, result.exitCode());
    assertTrue(result.output().contains("neither Google Chrome nor Chromium is installed"),
        result.output());
  }

  private ProcessResult syntaxCheck(String script) {
    Path file = write(dir, "script-under-check.sh", script);
    return run(List.of("/bin/sh", "-n", file.toString()), dir);
  }

  private Path browserWrapper() {
    Map<String, Object> document = parse(new CloudInitBootstrap(BootstrapOptions.DEFAULTS)
        .userData(requestWithFixedSecrets(new LeaseView.Labels(false, true, false))));
    return write(dir, "crabbox-browser", content(document, CloudInitBootstrap.BROWSER_PATH));
  }

  /** An executable that prints its own name and arguments, standing in for a browser binary. */
  private void fakeBrowser(String name) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fake = write(bin, name, "#!/bin/sh\necho \"" + name + " $*\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
