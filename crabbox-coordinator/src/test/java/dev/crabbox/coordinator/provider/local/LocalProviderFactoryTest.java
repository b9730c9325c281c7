package dev.crabbox.coordinator.provider.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.testing.TestKeys;
import dev.crabbox.coordinator.testing.TestProviderContexts;
import dev.crabbox.coordinator.testing.TestSshClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Configuration of the local provider and the requests it refuses before any lease exists. */
@ExtendWith(VertxExtension.class)
class LocalProviderFactoryTest {

  private static final String LEASE = "cbx_aaaaaaaaaaaa";
  private final String operatorKey = TestKeys.publicKeyLine(TestKeys.newKeyPair());

  @Test
  void isOnByDefaultAndOffWhenDisabled(Vertx vertx, @TempDir Path dataDir) {
    LocalProviderFactory factory = new LocalProviderFactory();
    assertEquals("local", factory.name());
    assertEquals("local", LocalLeases.provider(vertx, dataDir).name());
    assertEquals(Optional.empty(), Await.result(factory.create(
        TestProviderContexts.of(vertx, new JsonObject().put("enabled", false), dataDir))));
    Throwable wrong = Await.failure(factory.create(
        TestProviderContexts.of(vertx, new JsonObject().put("enabled", "no"), dataDir)));
    assertEquals("providers.local.enabled must be true or false, not no", wrong.getMessage());
  }

  @Test
  void sandboxRootMovesTheSandboxesButNotTheHostKey(Vertx vertx, @TempDir Path dataDir)
      throws Exception {
    LeaseProvider provider = Await.result(new LocalProviderFactory().create(TestProviderContexts.of(
        vertx, new JsonObject().put("sandboxRoot", "elsewhere"), dataDir))).orElseThrow();
    KeyPair key = TestKeys.newKeyPair();
    try (TestSshClient ssh = new TestSshClient()) {
      Provisioned lease = Await.result(provider.provision(LocalLeases.request(LEASE, key)));
      assertEquals(dataDir.resolve("elsewhere").resolve(LEASE) + "\n",
          ssh.exec(lease.machine().ssh(), key, "pwd").stdout());
      assertTrue(Files.exists(dataDir.resolve("providers/local/host_key")));
    } finally {
      Await.result(provider.close());
    }
  }

  @Test
  void refusesOtherTargets(Vertx vertx, @TempDir Path dataDir) {
    assertEquals("the local provider runs leases on the coordinator's own machine and serves "
        + "target linux only, not macos", refusal(vertx, dataDir, "macos", operatorKey, Map.of()));
    assertEquals("unknown target \"beos\"; known targets: linux, macos, windows",
        refusal(vertx, dataDir, "beos", operatorKey, Map.of()));
  }

  @Test
  void needsTheOperatorsPublicKey(Vertx vertx, @TempDir Path dataDir) {
    assertEquals("a local lease needs the operator's SSH public key to let it log in; the crabbox "
        + "CLI sends it when it creates a lease (sshPublicKey)",
        refusal(vertx, dataDir, "linux", "", Map.of()));
    assertEquals("SSH public key must look like \"ssh-ed25519 AAAA... comment\" (one OpenSSH line)",
        refusal(vertx, dataDir, "linux", "not a key", Map.of()));
  }


  @Test
  void takesNoOptions(Vertx vertx, @TempDir Path dataDir) {
    assertEquals("the local provider takes no options; remove region",
        refusal(vertx, dataDir, "linux", operatorKey, Map.of("region", "fsn1")));
  }

  @Test
  void acceptsAWellFormedLinuxRequest(Vertx vertx, @TempDir Path dataDir) {
    LocalLeases.provider(vertx, dataDir)
        .validate(LocalLeases.request(LEASE, "linux", operatorKey, Map.of()));
  }

  private static String refusal(Vertx vertx, Path dataDir, String target, String key,
      Map<String, String> options) {
    ProvisionRequest request = LocalLeases.request(LEASE, target, key, options);
    return assertThrows(ProviderException.class,
        () -> LocalLeases.provider(vertx, dataDir).validate(request)).getMessage();
  }
}
