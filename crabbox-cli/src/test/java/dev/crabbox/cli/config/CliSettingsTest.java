package dev.crabbox.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.error.MissingSettingException;
import dev.crabbox.cli.error.UsageException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliSettingsTest {
  @TempDir
  Path home;

  private CliSettings settings(Map<String, String> env) {
    return new CliSettings(env, new CliConfigStore(CliConfigStore.defaultFile(env, home)));
  }

  private void saveFile(CliConfig config) {
    new CliConfigStore(CliConfigStore.defaultFile(Map.of(), home)).save(config);
  }

  @Test
  void flagBeatsEnvironmentBeatsFile() {
    saveFile(new CliConfig("http://file:1", "file-token", "aws", null));
    Map<String, String> env = Map.of("CRABBOX_COORDINATOR", "http://env:2", "CRABBOX_TOKEN", "env-token",
        "CRABBOX_PROVIDER", "static");

    CliSettings withEnv = settings(env);
    assertEquals(new Setting("http://flag:3", "--coordinator"), withEnv.coordinator("http://flag:3"));
    assertEquals(new Setting("http://env:2", "CRABBOX_COORDINATOR"), withEnv.coordinator(null));
    assertEquals("env-token", withEnv.requireToken(null));
    assertEquals("flag-token", withEnv.requireToken("flag-token"));
    assertEquals("static", withEnv.validProvider(null).orElseThrow());

    CliSettings fileOnly = settings(Map.of());
    assertEquals(URI.create("http://file:1"), fileOnly.requireCoordinator(null));
    assertEquals("file-token", fileOnly.requireToken(null));
    assertEquals("aws", fileOnly.validProvider(null).orElseThrow());
    assertTrue(fileOnly.coordinator(null).source().startsWith("coordinator in "));
  }

  @Test
  void blankValuesCountAsAbsent() {
    saveFile(new CliConfig("http://file:1", null, null, null));
    CliSettings settings = settings(Map.of("CRABBOX_COORDINATOR", "  "));

    assertEquals("http://file:1", settings.coordinator("").value());
    assertThrows(MissingSettingException.class, () -> settings.requireToken(" "));
  }

  @Test
  void nothingConfiguredIsAMissingSetting() {
    MissingSettingException missing =
        assertThrows(MissingSettingException.class, () -> settings(Map.of()).requireCoordinator(null));

    assertTrue(missing.getMessage().contains("crabbox login --coordinator URL --token T"), missing.getMessage());
    assertTrue(missing.getMessage().contains("CRABBOX_COORDINATOR"), missing.getMessage());
    assertFalse(settings(Map.of()).provider(null).isPresent());
  }

  @Test
  void xdgConfigHomeMovesTheFile() {
    Path xdg = home.resolve("xdg");
    assertEquals(xdg.resolve("crabbox/config.yaml"),
        CliConfigStore.defaultFile(Map.of("XDG_CONFIG_HOME", xdg.toString()), home));
    assertEquals(home.resolve(".config/crabbox/config.yaml"), CliConfigStore.defaultFile(Map.of(), home));
    // The XDG spec says a relative value is to be ignored.
    assertEquals(home.resolve(".config/crabbox/config.yaml"),
        CliConfigStore.defaultFile(Map.of("XDG_CONFIG_HOME", "relative/dir"), home));
  }

  @Test
  void coordinatorUrlsAreNormalisedToHttp() {
    assertEquals(URI.create("https://broker.example.com"),
        CoordinatorUrl.parse(new Setting("wss://broker.example.com/", "--coordinator")));
    assertEquals(URI.create("http://127.0.0.1:8420/crabbox"),
        CoordinatorUrl.parse(new Setting("ws://127.0.0.1:8420/crabbox//", "--coordinator")));
    assertEquals(URI.create("http://[::1]:8420"),
        CoordinatorUrl.parse(new Setting("HTTP://[::1]:8420", "--coordinator")));
  }

  @Test
  void coordinatorUrlsWithoutHostOrWithCredentialsAreRefused() {
    assertThrows(UsageException.class, () -> CoordinatorUrl.parse(new Setting("http:///x", "--coordinator")));
    assertThrows(UsageException.class, () -> CoordinatorUrl.parse(new Setting("localhost:8420", "--coordinator")));
    assertThrows(UsageException.class,
        () -> CoordinatorUrl.parse(new Setting("https://u:p@example.com", "--coordinator")));
    assertThrows(UsageException.class,
        () -> CoordinatorUrl.parse(new Setting("https://example.com/?ticket=x", "--coordinator")));
  }

  @Test
  void providerLabelsAreCheckedCaseInsensitively() {
    assertEquals("blacksmith-testbox", ProviderLabels.check(new Setting("Blacksmith-Testbox", "--provider")));
    UsageException unknown =
        assertThrows(UsageException.class, () -> ProviderLabels.check(new Setting("gcp", "--provider")));
    assertEquals("unknown provider \"gcp\" (from --provider); known providers: hetzner, aws, static, local, "
        + "blacksmith-testbox", unknown.getMessage());
  }

  @Test
  void caFileMustExist() throws Exception {
    Path ca = Files.writeString(home.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    CliSettings settings = settings(Map.of());

    assertEquals(ca.toAbsolutePath(), settings.caFile(ca.toString()).orElseThrow());
    assertTrue(settings.caFile(null).isEmpty());
    assertThrows(UsageException.class, () -> settings.caFile(home.resolve("missing.pem").toString()));
  }
}
