package dev.crabbox.coordinator.provider;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Builds one provider from configuration. A provider that is not configured (no credentials, no
 * hosts) is absent; a coordinator refuses leases for it with a message naming what to set.
 */
public interface ProviderFactory {

  /** The provider name, as in {@code ProviderSpec}. */
  String name();

  /** What an operator sets to enable the provider, for the "not configured" message. */
  String howToEnable();

  /**
   * The provider, or empty when its configuration is absent. Fails (with a message naming the
   * setting) when the configuration is present but wrong, so a typo stops the coordinator at
   * start instead of failing leases later.
   */
  Future<Optional<LeaseProvider>> create(ProviderContext context);
}
