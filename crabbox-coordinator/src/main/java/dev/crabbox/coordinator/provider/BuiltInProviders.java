package dev.crabbox.coordinator.provider;

import dev.crabbox.coordinator.provider.aws.AwsProviderFactory;
import dev.crabbox.coordinator.provider.bootstrap.BootstrapOptions;
import dev.crabbox.coordinator.provider.bootstrap.CloudInitBootstrap;
import dev.crabbox.coordinator.provider.hetzner.HetznerProviderFactory;
import dev.crabbox.coordinator.provider.local.LocalProviderFactory;
import dev.crabbox.coordinator.provider.statichost.StaticProviderFactory;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The providers every coordinator knows, in the order they are built and listed. */
public final class BuiltInProviders {

  private BuiltInProviders() {}

  public static List<ProviderFactory> factories() {
    return List.of(new LocalProviderFactory(), new StaticProviderFactory(),
        new HetznerProviderFactory(), new AwsProviderFactory());
  }

  /**
   * The managed-Linux bootstrap configured by {@code providers.bootstrap}.
   *
   * @throws IllegalArgumentException naming a bad key, so the coordinator does not start
   */
  public static MachineBootstrap bootstrap(JsonObject config) {
    return new CloudInitBootstrap(BootstrapOptions.fromJson(config == null ? new JsonObject()
        : config));
  }
}
