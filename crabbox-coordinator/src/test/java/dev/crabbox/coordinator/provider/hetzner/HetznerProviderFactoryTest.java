package dev.crabbox.coordinator.provider.hetzner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Building the provider from {@code providers.hetzner} and the environment. */
@ExtendWith(VertxExtension.class)
class HetznerProviderFactoryTest {

  private static final String TOKEN = "hz-config-token-Qm4v";

  private final HetznerProviderFactory factory = new HetznerProviderFactory();
  private Vertx vertx;
  private Path dataDir;

  @BeforeEach
  void setUp(Vertx vertx, @TempDir Path dataDir) {
    this.vertx = vertx;
    this.dataDir = dataDir;
  }

  @Test
  void namesItselfAndSaysHowToEnable() {
    assertEquals("hetzner", factory.name());
    assertTrue(factory.howToEnable().contains("providers.hetzner.token"), factory.howToEnable());
    assertTrue(factory.howToEnable().contains("HCLOUD_TOKEN"), factory.howToEnable());
  }

  @Test
  void withoutATokenTheProviderIsAbsent() {
    assertEquals(Optional.empty(),
        Await.result(factory.create(context(new JsonObject(), Map.of()))));
    assertEquals(Optional.empty(), Await.result(factory.create(context(
        new JsonObject().put("serverType", "cpx31").put("token", " "),
        Map.of("HCLOUD_TOKEN", "")))));
  }

  @Test
  void aTokenInTheConfigEnablesTheProviderWithDefaults() {
    Optional<LeaseProvider> provider = Await.result(factory.create(context(
        new JsonObject().put("token", TOKEN), Map.of())));

    assertTrue(provider.isPresent());
    assertInstanceOf(HetznerProvider.class, provider.get());
    assertEquals("hetzner", provider.get().name());
    Await.result(provider.get().close());
    assertEquals(HetznerSettings.withToken(TOKEN), settings(new JsonObject().put("token", TOKEN),
        Map.of()));
    HetznerSettings defaults = HetznerSettings.withToken(TOKEN);
    assertEquals("https://api.hetzner.cloud/v1", defaults.apiUrl());
    assertEquals("cx22", defaults.serverType());
    assertEquals("fsn1", defaults.location());
    assertEquals("debian-12", defaults.image());
    assertEquals(Duration.ofSeconds(30), defaults.requestTimeout());
    assertEquals(Duration.ofSeconds(3), defaults.pollInterval());
    assertEquals(Duration.ofMinutes(10), defaults.provisionTimeout());
  }

  @Test
  void theTokenCanComeFromTheEnvironmentButTheConfigWins() {
    assertEquals("from-hcloud", settings(new JsonObject(),
        Map.of("HCLOUD_TOKEN", "from-hcloud", "CRABBOX_HETZNER_TOKEN", "from-crabbox")).token());
    assertEquals("from-crabbox", settings(new JsonObject(),
        Map.of("CRABBOX_HETZNER_TOKEN", "from-crabbox")).token());
    assertEquals(TOKEN, settings(new JsonObject().put("token", TOKEN),
        Map.of("HCLOUD_TOKEN", "from-hcloud")).token());
  }

  @Test
  void everySettingCanBeChanged() {
    HetznerSettings settings = settings(new JsonObject().put("token", TOKEN)
        .put("apiUrl", "http://127.0.0.1:8999/v1/").put("serverType", "cpx31")
        .put("location", "hel1").put("image", "ubuntu-24.04").put("requestTimeout", "2m")
        .put("pollInterval", 5).put("provisionTimeout", "1h30m"), Map.of());

    assertEquals(new HetznerSettings(TOKEN, "http://127.0.0.1:8999/v1", "cpx31", "hel1",
        "ubuntu-24.04", Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(90)),
        settings);
  }

  static Stream<Arguments> wrongSettings() {
    return Stream.of(
        Arguments.of("requestTimeout", "soon"),
        Arguments.of("requestTimeout", "0s"),
        Arguments.of("pollInterval", 0),
        Arguments.of("pollInterval", 1.5),
        Arguments.of("provisionTimeout", -1),
        Arguments.of("provisionTimeout", "10 minutes"),
        Arguments.of("apiUrl", "ftp://api.hetzner.cloud/v1"),
        Arguments.of("apiUrl", "api.hetzner.cloud"),
        Arguments.of("apiUrl", 8080),
        Arguments.of("serverType", 22),
        Arguments.of("location", ""),
        Arguments.of("image", "debian 12"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("wrongSettings")
  void aWrongSettingStopsTheCoordinatorNamingIt(String key, Object value) {
    JsonObject config = new JsonObject().put("token", TOKEN).put(key, value);

    Throwable failure = Await.failure(factory.create(context(config, Map.of())));

    assertInstanceOf(IllegalArgumentException.class, failure);
    assertTrue(failure.getMessage().startsWith("providers.hetzner." + key + " must be "),
        failure.getMessage());
    assertFalse(failure.getMessage().contains(TOKEN));
  }

  @Test
  void anUnknownSettingIsATypo() {
    Throwable failure = Await.failure(factory.create(context(
        new JsonObject().put("token", TOKEN).put("servertype", "cx22"), Map.of())));

    assertEquals("providers.hetzner has no setting \"servertype\"; known settings: apiUrl, image, "
        + "location, pollInterval, provisionTimeout, requestTimeout, serverType, token",
        failure.getMessage());
  }

  @Test
  void theSettingsNeverPrintTheToken() {
    String text = HetznerSettings.withToken(TOKEN).toString();

    assertFalse(text.contains(TOKEN), text);
    assertTrue(text.contains("requestTimeout=30s"), text);
  }

  private HetznerSettings settings(JsonObject config, Map<String, String> env) {
    return HetznerSettings.from(context(config, env)).orElseThrow();
  }

  private ProviderContext context(JsonObject config, Map<String, String> env) {
    return new ProviderContext(vertx, config, env, dataDir, Clock.systemUTC(), new StubBootstrap());
  }
}
