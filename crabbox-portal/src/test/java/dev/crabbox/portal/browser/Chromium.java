package dev.crabbox.portal.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through {@code /usr/bin/chromedriver}, both named explicitly:
 * Selenium never downloads or looks up a driver. When chromium is not installed the browser tests
 * are skipped with a loud message (the CI installs it).
 */
final class Chromium {

  static final File BROWSER = new File("/usr/bin/chromium");
  static final File DRIVER = new File("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Chromium() {}

  static void assumeInstalled() {
    boolean present = BROWSER.canExecute() && DRIVER.canExecute();
    if (!present) {
      System.err.println("\n**********************************************************\n"
          + "* SKIPPING PORTAL BROWSER TESTS: " + BROWSER + " or " + DRIVER + "\n"
          + "* is missing. Install them: apt-get install chromium chromium-driver\n"
          + "**********************************************************\n");
    }
    Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
  }

  static ChromeDriver start() {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER)
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions()
        .setBinary(BROWSER)
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
            "--window-size=1400,1000", "--disable-gpu");
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Keeps a screenshot of the current page as {@code target/screenshots/<name>.png}. */
  static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
