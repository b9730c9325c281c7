package dev.crabbox.cli.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals of {@code desktop launch} that need no lease, and the launch command it sends. */
class DesktopUsageTest {
  @TempDir
  Path home;

  private CliRunner cli() {
    return new CliRunner(home).env("CRABBOX_COORDINATOR", "http://127.0.0.1:1").env("CRABBOX_TOKEN", "t");
  }

  @Test
  void egressNeedsTheBrowser() {
    CliRunner.Result result = cli().run("desktop", "launch", "--id", "blue-lobster", "--url", "https://example.com",
        "--egress", "discord");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: desktop launch --egress currently requires --browser\n", result.err());
  }

  @Test
  void openNeedsWebVnc() {
    CliRunner.Result result = cli().run("desktop", "launch", "--id", "blue-lobster", "--browser", "--open");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --open requires --webvnc\n", result.err());
  }

  @Test
  void theEgressProxyMustBeLoopback() {
    CliRunner.Result result = cli().run("desktop", "launch", "--id", "blue-lobster", "--browser", "--egress",
        "discord", "--egress-proxy", "10.0.0.5:3128");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("crabbox: --egress-proxy: "), result.err());
  }

  @Test
  void theBrowserStartsDetachedOnTheDisplayWithTheProxy() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("DISPLAY", ":99");
    environment.put("CHROME_BIN", "/usr/bin/chromium");

    String script = BrowserLaunch.script(environment, true, "https://example.com/a b", "127.0.0.1:3128", true);

    assertEquals("export DISPLAY=:99 CHROME_BIN=/usr/bin/chromium; log=\"${TMPDIR:-/tmp}/crabbox-desktop-launch.log\"; "
        + "setsid nohup \"$CHROME_BIN\" --no-first-run --no-default-browser-check "
        + "--proxy-server=http://127.0.0.1:3128 --start-fullscreen 'https://example.com/a b' "
        + "> \"$log\" 2>&1 < /dev/null & echo $!", script);
  }
}
