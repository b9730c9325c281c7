package dev.crabbox.coordinator.provider.local;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.testing.TestKeys;
import dev.crabbox.coordinator.testing.TestProviderContexts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;

/** Shared setup of the local provider tests: a provider on a data directory and requests. */
final class LocalLeases {

  private LocalLeases() {}

  static LeaseProvider provider(Vertx vertx, Path dataDir) {
    return Await.result(new LocalProviderFactory()
        .create(TestProviderContexts.of(vertx, new JsonObject(), dataDir))).orElseThrow();
  }

  static ProvisionRequest request(String leaseId, KeyPair operatorKey) {
    return request(leaseId, "linux", TestKeys.publicKeyLine(operatorKey), Map.of());
  }

  static ProvisionRequest request(String leaseId, String target, String sshPublicKey,
      Map<String, String> options) {
    return new ProvisionRequest(leaseId, "blue-crab", "alice", "", target, null, sshPublicKey,
        options, Map.of());
  }

  static Path sandbox(Path dataDir, String leaseId) {
    return dataDir.resolve("providers/local/leases").resolve(leaseId);
  }
}
