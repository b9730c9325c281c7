package dev.crabbox.coordinator.provider.local;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProviderFactory;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the {@code local} provider. It needs no credentials, so it is on unless
 * {@code providers.local.enabled: false}. {@code providers.local.sandboxRoot} moves the lease
 * sandboxes (default {@code <dataDir>/providers/local/leases}; relative to the data directory); the host key always lives in
 * {@code <dataDir>/providers/local/host_key}.
 */
public final class LocalProviderFactory implements ProviderFactory {

  public static final String NAME = "local";
  static final String HOST_KEY_FILE = "host_key";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String howToEnable() {
    return "the local provider is on by default; remove providers.local.enabled: false from the "
        + "coordinator config";
  }

  @Override
  public Future<Optional<LeaseProvider>> create(ProviderContext context) {
    Object enabled = context.config().getValue("enabled", Boolean.TRUE);
    if (!(enabled instanceof Boolean)) {
      return Future.failedFuture(new ProviderException(
          "providers.local.enabled must be true or false, not " + enabled));
    }
    if (!(Boolean) enabled) {
      return Future.succeededFuture(Optional.empty());
    }
    Object sandboxRoot = context.config().getValue("sandboxRoot");
    if (sandboxRoot != null && (!(sandboxRoot instanceof String) || ((String) sandboxRoot).isBlank())) {
      return Future.failedFuture(new ProviderException(
          "providers.local.sandboxRoot must be a directory path"));
    }
    Path providerDir = context.providerDir(NAME);
    // A relative sandboxRoot is taken from the data directory, like every other coordinator file.
    Path root = sandboxRoot == null ? providerDir.resolve("leases")
        : context.dataDir().resolve((String) sandboxRoot);
    return Future.succeededFuture(Optional.of(
        new LocalProvider(context.vertx(), providerDir.resolve(HOST_KEY_FILE), root)));
  }
}
