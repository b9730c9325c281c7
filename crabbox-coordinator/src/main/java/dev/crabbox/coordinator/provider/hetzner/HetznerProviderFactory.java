package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProviderFactory;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code hetzner} provider from {@code providers.hetzner} ({@link HetznerSettings}).
 * Absent without a token; a wrong setting fails with a message naming it.
 */
public final class HetznerProviderFactory implements ProviderFactory {

  private static final Logger LOG = LoggerFactory.getLogger(HetznerProviderFactory.class);

  @Override
  public String name() {
    return "hetzner";
  }

  @Override
  public String howToEnable() {
    return "set providers.hetzner.token in the coordinator config, or the HCLOUD_TOKEN "
        + "environment variable, to a Hetzner Cloud API token (read and write)";
  }

  @Override
  public Future<Optional<LeaseProvider>> create(ProviderContext context) {
    Optional<HetznerSettings> settings;
    try {
      settings = HetznerSettings.from(context);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    settings.ifPresent(s -> LOG.info("hetzner provider enabled: {}", s));
    return Future.succeededFuture(settings.map(
        s -> new HetznerProvider(context.vertx(), s, context.bootstrap())));
  }
}
