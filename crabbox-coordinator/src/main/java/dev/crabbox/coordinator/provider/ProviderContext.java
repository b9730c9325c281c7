package dev.crabbox.coordinator.provider;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ProviderFactory} gets to build its provider.
 *
 * @param vertx the coordinator's Vert.x (web client, executeBlocking, timers)
 * @param config the provider's section of the coordinator config ({@code providers.<name>}), empty
 *     when absent
 * @param env the process environment (credentials such as {@code HCLOUD_TOKEN}); tests pass their
 *     own map
 * @param dataDir the coordinator's data directory; a provider keeps its files under
 *     {@code dataDir/providers/<name>}
 * @param clock the coordinator's clock
 * @param bootstrap builds secrets and cloud-init for managed Linux machines
 */
public record ProviderContext(Vertx vertx, JsonObject config, Map<String, String> env,
    Path dataDir, Clock clock, MachineBootstrap bootstrap) {

  public ProviderContext {
    Objects.requireNonNull(vertx, "vertx");
    config = config == null ? new JsonObject() : config;
    env = env == null ? Map.of() : Map.copyOf(env);
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(bootstrap, "bootstrap");
  }

  /** The same context with another provider's config section. */
  public ProviderContext withConfig(JsonObject section) {
    return new ProviderContext(vertx, section, env, dataDir, clock, bootstrap);
  }

  /** {@code dataDir/providers/<name>}. */
  public Path providerDir(String name) {
    return dataDir.resolve("providers").resolve(name);
  }

  /** A config string, else the first set environment variable of {@code envNames}, else null. */
  public String setting(String key, String... envNames) {
    String value = config.getString(key);
    if (value != null && !value.isBlank()) {
      return value;
    }
    for (String name : envNames) {
      String fromEnv = env.get(name);
      if (fromEnv != null && !fromEnv.isBlank()) {
        return fromEnv;
      }
    }
    return null;
  }
}
