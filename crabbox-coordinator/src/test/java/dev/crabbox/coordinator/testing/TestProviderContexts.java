package dev.crabbox.coordinator.testing;

import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Provider contexts for providers that manage no cloud machines (local, static). */
public final class TestProviderContexts {

  /** These providers never bootstrap a machine; a call here is a bug in the test. */
  private static final MachineBootstrap NO_BOOTSTRAP = new MachineBootstrap() {
    @Override
    public Map<String, String> prepareSecrets(ProvisionRequest request) {
      throw new UnsupportedOperationException("no managed machines here");
    }

    @Override
    public String userData(ProvisionRequest request) {
      throw new UnsupportedOperationException("no managed machines here");
    }

    @Override
    public String hostKeyFingerprint(Map<String, String> secrets) {
      throw new UnsupportedOperationException("no managed machines here");
    }
  };

  private TestProviderContexts() {}

  public static ProviderContext of(Vertx vertx, JsonObject config, Path dataDir) {
    return new ProviderContext(vertx, config, Map.of(), dataDir, Clock.systemUTC(), NO_BOOTSTRAP);
  }
}
