package dev.crabbox.coordinator.provider;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The providers every coordinator knows, in the order they are built and listed. */
public final class BuiltInProviders {

  private BuiltInProviders() {}

  public static List<ProviderFactory> factories() {
    return List.of();
  }

  /** The managed-Linux bootstrap configured by {@code providers.bootstrap}. */
  public static MachineBootstrap bootstrap(JsonObject config) {
    return new MachineBootstrap() {
      @Override
      public Map<String, String> prepareSecrets(ProvisionRequest request) {
        throw unavailable();
      }

      @Override
      public String userData(ProvisionRequest request) {
        throw unavailable();
      }

      @Override
      public String hostKeyFingerprint(Map<String, String> secrets) {
        throw unavailable();
      }

      private ProviderException unavailable() {
        return new ProviderException("managed Linux bootstrap is not available in this build");
      }
    };
  }
}
