package dev.crabbox.cli.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.error.UsageException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorConfigFileTest {

  @TempDir
  Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("coordinator.yaml"), yaml);
  }

  @Test
  void theSampleConfigReadsAsProviderSections() {
    JsonObject providers = CoordinatorConfigFile.providers(
        Path.of("..", "config", "coordinator.example.yaml"));
    assertEquals("gpu-box", providers.getJsonObject("static").getJsonArray("hosts")
        .getJsonObject(0).getString("name"));
    assertEquals("cx22", providers.getJsonObject("hetzner").getString("serverType"));
    assertTrue(providers.getJsonObject("bootstrap").containsKey("codeServerSha256"));
  }

  @Test
  void anEmptyFileMeansDefaults() throws Exception {
    assertEquals(new JsonObject(), CoordinatorConfigFile.providers(write("")));
    assertEquals(new JsonObject(), CoordinatorConfigFile.providers(write("# nothing yet\n")));
  }

  @Test
  void mistakesAreNamed() throws Exception {
    assertEquals("--config " + dir.resolve("nope.yaml") + " does not exist or is not readable",
        assertThrows(UsageException.class,
            () -> CoordinatorConfigFile.providers(dir.resolve("nope.yaml"))).getMessage());
    assertTrue(assertThrows(UsageException.class,
        () -> CoordinatorConfigFile.providers(write("providers: [a, b"))).getMessage()
        .contains("is not valid YAML"));
    assertTrue(assertThrows(UsageException.class,
        () -> CoordinatorConfigFile.providers(write("provider:\n  local: {}\n"))).getMessage()
        .endsWith("unknown section \"provider\" (known: portal, providers)"));
    assertTrue(assertThrows(UsageException.class,
        () -> CoordinatorConfigFile.providers(write("providers: local\n"))).getMessage()
        .endsWith("providers must be a mapping of provider name to settings"));
    assertTrue(assertThrows(UsageException.class,
        () -> CoordinatorConfigFile.providers(write("- a\n"))).getMessage()
        .endsWith("must be a mapping with a providers: section"));
  }
}
