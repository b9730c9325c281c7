package dev.crabbox.coordinator.provider;

import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers this coordinator can lease from, built at start from the {@code providers}
 * config section ({@code providers.<name>} per provider). {@code manual} leases need no provider
 * and are not in here.
 */
public final class LeaseProviders {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseProviders.class);

  private final Map<String, LeaseProvider> enabled;
  private final Map<String, String> howToEnable;

  private LeaseProviders(Map<String, LeaseProvider> enabled, Map<String, String> howToEnable) {
    this.enabled = Collections.unmodifiableMap(enabled);
    this.howToEnable = Map.copyOf(howToEnable);
  }

  /**
   * Builds every provider whose configuration is present, in factory order. Fails when one
   * factory fails (bad configuration), after closing the providers already built.
   */
  public static Future<LeaseProviders> create(ProviderContext base, JsonObject providersConfig,
      List<ProviderFactory> factories) {
    Map<String, LeaseProvider> enabled = new LinkedHashMap<>();
    Map<String, String> howTo = new LinkedHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (ProviderFactory factory : factories) {
      howTo.put(factory.name(), factory.howToEnable());
      JsonObject section = providersConfig == null ? null
          : providersConfig.getJsonObject(factory.name());
      chain = chain.compose(done -> factory.create(base.withConfig(section))
          .map(created -> {
            created.ifPresent(provider -> enabled.put(factory.name(), provider));
            return null;
          }));
    }
    return chain
        .map(done -> {
          LOG.info("lease providers enabled: {}", enabled.isEmpty() ? "none" : enabled.keySet());
          return new LeaseProviders(enabled, howTo);
        })
        .recover(failure -> closeAll(new ArrayList<>(enabled.values()))
            .transform(closed -> Future.failedFuture(failure)));
  }

  /** The provider named {@code name}, if it is enabled here. */
  public Optional<LeaseProvider> find(String name) {
    return Optional.ofNullable(enabled.get(name));
  }

  /**
   * The enabled provider named {@code name}.
   *
   * @throws ProviderException naming the known providers, or saying how to enable this one
   */
  public LeaseProvider require(String name) {
    LeaseProvider provider = enabled.get(name);
    if (provider != null) {
      return provider;
    }
    if (!ProviderSpec.knownNames().contains(name) && !howToEnable.containsKey(name)) {
      throw new ProviderException("unknown provider \"" + name + "\"; known providers: "
          + String.join(", ", ProviderSpec.knownNames()));
    }
    String how = howToEnable.get(name);
    throw new ProviderException("provider " + name + " is not enabled on this coordinator"
        + (how == null ? "" : "; " + how));
  }

  /** Enabled provider names, in factory order. */
  public List<String> names() {
    return List.copyOf(enabled.keySet());
  }

  public Future<Void> close() {
    return closeAll(new ArrayList<>(enabled.values()));
  }

  private static Future<Void> closeAll(List<LeaseProvider> providers) {
    List<Future<Void>> closes = new ArrayList<>();
    for (LeaseProvider provider : providers) {
      closes.add(provider.close().onFailure(failure ->
          LOG.warn("closing provider {} failed: {}", provider.name(), failure.toString())));
    }
    return Future.join(closes).transform(done -> Future.<Void>succeededFuture());
  }
}
