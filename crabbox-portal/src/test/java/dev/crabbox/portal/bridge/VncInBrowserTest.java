package dev.crabbox.portal.bridge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crabbox.coordinator.auth.TokenVerifier;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * noVNC in a real browser (Debian's chromium through /usr/bin/chromedriver, headless) shows the
 * lease's desktop: the root window painted {@code #ff8000} with {@code xsetroot} is what the
 * noVNC canvas draws. The browser authenticates with a test cookie holding a coordinator token
 * (the portal's session cookie takes this place in the portal).
 */
@ExtendWith(VertxExtension.class)
class VncInBrowserTest {

  private static final File BROWSER = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");
  private static final String TEST_COOKIE = "bridge_test_token";

  private X11Desktop desktop;
  private BridgeRig rig;
  private ChromeDriver driver;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) throws Exception {
    assumeTrue(X11Desktop.available(), "Xvfb, x11vnc and xsetroot are needed for the VNC bridge tests");
    assumeTrue(BROWSER.canExecute() && DRIVER.canExecute(), "chromium and chromium-driver are not installed");
    desktop = X11Desktop.start("#ff8000");
    rig = new BridgeRig(vertx, dataDir, Map.of(5900, desktop.vncPort()),
        BridgeRoutes.contributor(services -> cookieCaller(services.tokenVerifier()),
            request -> ("http://" + request.getHeader("Host")).equals(request.getHeader("Origin"))));
    ChromeOptions options = new ChromeOptions().setBinary(BROWSER)
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=900,700",
            "--disable-gpu");
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
        .usingAnyFreePort().build(), options);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (rig != null) {
      rig.stop();
    }
    if (desktop != null) {
      desktop.close();
    }
  }

  @Test
  void theNoVncCanvasShowsTheLeaseDesktop() throws IOException {
    String lease = rig.lease(true, false);
    rig.startAgent(lease, LeaseBridgeKind.VNC);
    String base = "http://127.0.0.1:" + rig.coordinator.port();
    driver.get(base + "/v1/health");
    driver.manage().addCookie(new org.openqa.selenium.Cookie(TEST_COOKIE, rig.alice));
    driver.get(base + "/portal/leases/" + lease + "/vnc");
    await().atMost(Duration.ofSeconds(30)).until(() -> "connected".equals(
        driver.executeScript("return document.body.dataset.state")));
    await().atMost(Duration.ofSeconds(30)).until(() -> List.of(255L, 128L, 0L).equals(centrePixel()));
    screenshot("vnc-bridge");
    assertEquals(List.of(255L, 128L, 0L), centrePixel());
  }

  private Object centrePixel() {
    return driver.executeScript("const c = document.querySelector('#screen canvas');"
        + "if (!c || !c.width) { return null; }"
        + "const d = c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data;"
        + "return [d[0], d[1], d[2]];");
  }

  private void screenshot(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The browser's caller: a coordinator token in a test cookie. */
  private static PortalCaller cookieCaller(TokenVerifier verifier) {
    return ctx -> {
      Cookie cookie = ctx.request().getCookie(TEST_COOKIE);
      return cookie == null
          ? Future.failedFuture(ApiException.unauthorized())
          : verifier.verify(cookie.getValue()).recover(bad -> Future.failedFuture(ApiException.unauthorized()));
    };
  }
}
