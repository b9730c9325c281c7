package dev.crabbox.coordinator.provider.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.protocol.api.LeaseView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole cloud-config of each capability combination, compared with
 * {@code src/test/resources/bootstrap/<name>.yaml}. Secrets come from a seeded generator, so the
 * documents are the same on every run.
 *
 * <p>After an intended change, regenerate the golden files and review their diff:
 * <pre>
 * mvn -o -pl crabbox-coordinator -am package -Dtest='CloudInitGoldenTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcrabbox.regenerateGoldens=true
 * </pre>
 */
class CloudInitGoldenTest {

  private static final String REGENERATE = "crabbox.regenerateGoldens";
  private static final Path GOLDEN_DIR = Paths.get("src", "test", "resources", "bootstrap");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "bare,                 false, false, false",
      "desktop,              true,  false, false",
      "browser,              false, true,  false",
      "code,                 false, false, true",
      "desktop-browser-code, true,  true,  true"})
  void documentMatchesGolden(String name, boolean desktop, boolean browser, boolean code)
      throws IOException {
    LeaseView.Labels labels = new LeaseView.Labels(desktop, browser, code);
    String document = new CloudInitBootstrap(BootstrapOptions.DEFAULTS)
        .userData(BootstrapFixtures.requestWithFixedSecrets(labels));

    if (Boolean.getBoolean(REGENERATE)) {
      Files.createDirectories(GOLDEN_DIR);
      Files.writeString(GOLDEN_DIR.resolve(name + ".yaml"), document, StandardCharsets.UTF_8);
    }
    assertEquals(golden(name), document, "cloud-config for " + name
        + " changed; if intended, rerun with -D" + REGENERATE + "=true and review the diff");
  }

  /** Read from the source tree (surefire runs in the module directory) so regeneration shows at once. */
  private static String golden(String name) throws IOException {
    Path file = GOLDEN_DIR.resolve(name + ".yaml");
    if (!Files.exists(file)) {
      throw new AssertionError("no golden file " + file + "; create it with -D" + REGENERATE + "=true");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
