package dev.crabbox.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.github.GitHubLogin;
import dev.crabbox.portal.support.FakeGitHub;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * GitHub sign-in in a real headless Chromium: the login page's GitHub button, the fake GitHub's
 * authorize redirect, the callback with its state and binding cookie, and the page the browser
 * first asked for.
 */
class GitHubSignInBrowserTest {

  private static Vertx vertx;
  private static FakeGitHub github;
  private static TestCoordinator coordinator;
  private static ChromeDriver browser;

  @BeforeAll
  static void start(@TempDir Path dataDir) {
    Chromium.assumeInstalled();
    vertx = Vertx.vertx();
    github = FakeGitHub.start(vertx).approveAs("octocat", "acme");
    coordinator = TestCoordinator.start(vertx, dataDir, options -> options.addRouteContributor(
        new PortalRoutes().withIdentityProvider(new GitHubLogin(github.settings("acme",
            Set.of())))));
    browser = Chromium.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (coordinator != null) {
      coordinator.stop();
      github.stop();
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void signsInThroughGitHubAndComesBackToTheAskedPage() {
    String base = "http://localhost:" + coordinator.port();
    String lease = coordinator.createLease(coordinator.token("octocat", "acme")).getString("slug");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

    browser.get(base + "/portal/leases/" + lease);
    wait.until(ExpectedConditions.urlContains("/portal/login"));
    browser.findElement(By.linkText("Sign in with GitHub")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lease-slug")));
    Chromium.screenshot(browser, "github-sign-in");

    assertEquals(lease, browser.findElement(By.id("lease-slug")).getText());
    assertEquals("octocat (acme)", browser.findElement(By.id("who")).getText());
    assertTrue(browser.manage().getCookieNamed("__Host-crabbox_session").isHttpOnly());
    assertEquals(null, browser.manage().getCookieNamed("__Host-crabbox_oauth"),
        "the binding cookie is gone after the callback");
  }
}
