package dev.crabbox.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigStoreTest {
  @TempDir
  Path home;

  @Test
  void missingFileReadsAsEmpty() {
    assertEquals(CliConfig.empty(), new CliConfigStore(home.resolve("none/config.yaml")).load());
  }

  @Test
  void savedConfigRoundTripsAndIsOwnerOnly() throws Exception {
    Path file = home.resolve(".config/crabbox/config.yaml");
    CliConfigStore store = new CliConfigStore(file);
    CliConfig config = new CliConfig("https://crabbox.example.com", "eyJ.a.b", "aws", "/etc/ca.pem");

    store.save(config);

    assertEquals(config, store.load());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
  }

  @Test
  void replacingAWorldReadableFileLeavesItOwnerOnly() throws Exception {
    Path file = home.resolve("config.yaml");
    Files.writeString(file, "coordinator: http://old:1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    CliConfigStore store = new CliConfigStore(file);

    store.save(new CliConfig("http://new:2", "t", null, null));

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("http://new:2", store.load().coordinator());
    try (var leftovers = Files.list(home)) {
      assertEquals(1, leftovers.count(), "no temporary files remain");
    }
  }

  @Test
  void absentFieldsAreLeftOutAndUnknownKeysIgnored() throws Exception {
    Path file = home.resolve("config.yaml");
    CliConfigStore store = new CliConfigStore(file);

    store.save(new CliConfig("http://c:1", null, null, null));
    String text = Files.readString(file);
    assertEquals("coordinator: http://c:1\n", text);

    Files.writeString(file, "coordinator: http://c:1\nfuture-key: 3\n");
    assertEquals("http://c:1", store.load().coordinator());
    assertFalse(text.contains("token"));
  }

  @Test
  void shippedExampleConfigParses() {
    Path example = null;
    for (Path dir = Path.of("").toAbsolutePath(); dir != null && example == null; dir = dir.getParent()) {
      Path candidate = dir.resolve("config/cli-config.example.yaml");
      example = Files.isRegularFile(candidate) ? candidate : null;
    }
    assertTrue(example != null, "config/cli-config.example.yaml is in the repository");

    CliConfig config = new CliConfigStore(example).load();

    assertEquals("https://crabbox.example.com", config.coordinator());
    assertEquals("hetzner", ProviderLabels.check(new Setting(config.provider(), "example")));
    assertTrue(config.token() != null && config.ca() != null);
  }

  @Test
  void malformedFileIsAUsageErrorNamingTheFile() throws Exception {
    Path file = Files.writeString(home.resolve("config.yaml"), "coordinator: [unclosed\n");

    ConfigFileException e = assertThrows(ConfigFileException.class, () -> new CliConfigStore(file).load());

    assertTrue(e.getMessage().startsWith("config file " + file + " is not valid"), e.getMessage());
  }
}
