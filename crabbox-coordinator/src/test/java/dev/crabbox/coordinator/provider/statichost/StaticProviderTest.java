package dev.crabbox.coordinator.provider.statichost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.testing.TestKeys;
import dev.crabbox.coordinator.testing.TestProviderContexts;
import dev.crabbox.coordinator.testing.TestSshClient;
import dev.crabbox.coordinator.testing.TestSshHost;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class StaticProviderTest {

  private static final String KEY_A = "SHA256:" + "A".repeat(43);
  private static final String KEY_B = "SHA256:" + "B".repeat(43);

  @TempDir Path dataDir;

  private static JsonObject host(String name, String hostKey) {
    return new JsonObject().put("name", name).put("host", name + ".example.net").put("user", "ops")
        .put("hostKey", hostKey);
  }

  private Created create(Vertx vertx, JsonArray hosts) {
    JsonObject config = hosts == null ? new JsonObject() : new JsonObject().put("hosts", hosts);
    return new Created(new StaticProviderFactory().create(TestProviderContexts.of(vertx, config, dataDir)));
  }

  /** The factory's answer, read once. */
  private record Created(Future<Optional<LeaseProvider>> created) {
    LeaseProvider provider() {
      return Await.result(created).orElseThrow();
    }

    String failure() {
      return Await.failure(created).getMessage();
    }
  }

  private static ProvisionRequest request(String target, Map<String, String> options) {
    return new ProvisionRequest("cbx_0000000000aa", "red-crab", "alice", "", target, null, "",
        options, Map.of());
  }

  private static String refusal(LeaseProvider provider, String target, Map<String, String> options) {
    return assertThrows(ProviderException.class, () -> provider.validate(request(target, options)))
        .getMessage();
  }

  @Test
  void noHostsNoProvider(Vertx vertx) {
    assertEquals("static", new StaticProviderFactory().name());
    assertEquals(Optional.empty(), Await.result(create(vertx, null).created()));
    assertEquals(Optional.empty(), Await.result(create(vertx, new JsonArray()).created()));
  }

  @Test
  void badEntriesStopTheCoordinatorNamingTheEntry(Vertx vertx) {
    assertEquals("providers.static.hosts must be a list of hosts", new Created(new StaticProviderFactory()
        .create(TestProviderContexts.of(vertx, new JsonObject().put("hosts", "mac"), dataDir))).failure());
    assertEquals("providers.static.hosts[1] must be an object with name, host, port, user, hostKey "
        + "and target", create(vertx, new JsonArray().add(host("a", KEY_A)).add("b")).failure());
    assertEquals("providers.static.hosts[0]: name is required (text)",
        create(vertx, new JsonArray().add(host("a", KEY_A).put("name", " "))).failure());
    assertEquals("providers.static.hosts[0] (a): user is required (text)",
        create(vertx, new JsonArray().add(host("a", KEY_A).put("user", 7))).failure());
    assertEquals("providers.static.hosts[0] (a): hostKey is required (text)",
        create(vertx, new JsonArray().add(host("a", KEY_A).putNull("hostKey"))).failure());
    assertEquals("providers.static.hosts[0] (a): hostKey must be the host key's SHA256 fingerprint "
        + "(SHA256: and 43 base64 characters, as ssh-keyscan HOST | ssh-keygen -lf - prints it)",
        create(vertx, new JsonArray().add(host("a", "ssh-ed25519 AAAA"))).failure());
    assertEquals("providers.static.hosts[0] (a): port must be a number from 1 to 65535, not 70000",
        create(vertx, new JsonArray().add(host("a", KEY_A).put("port", 70000))).failure());
    assertEquals("providers.static.hosts[0] (a): port must be a number from 1 to 65535, not 22",
        create(vertx, new JsonArray().add(host("a", KEY_A).put("port", "22"))).failure());
    assertEquals("providers.static.hosts[0] (a): unknown target \"solaris\"; known targets: linux, "
        + "macos, windows", create(vertx, new JsonArray().add(host("a", KEY_A).put("target", "solaris"))).failure());
    assertEquals("providers.static.hosts[2] (a): the name a is already used by "
        + "providers.static.hosts[0]; host names must be unique",
        create(vertx, new JsonArray().add(host("a", KEY_A)).add(host("b", KEY_B)).add(host("a", KEY_B)))
            .failure());
  }

  @Test
  void theOnlyHostIsTheDefault(Vertx vertx) {
    LeaseProvider provider = create(vertx, new JsonArray().add(host("a", KEY_A))).provider();
    assertEquals(ProviderSpec.STATIC, provider.spec());
    Provisioned provisioned = Await.result(provider.provision(request("linux", Map.of())));
    assertEquals(new Provisioned("a", new LeaseMachine("static", "",
        new LeaseMachine.Ssh("a.example.net", 22, "ops", KEY_A), null)), provisioned);
  }

  @Test
  void withSeveralHostsTheRequestNamesOne(Vertx vertx) {
    LeaseProvider provider = create(vertx, new JsonArray().add(host("a", KEY_A))
        .add(host("mac", KEY_B).put("port", 2222).put("target", "macos"))).provider();
    assertEquals("choose a static host with the host option; configured hosts: a, mac",
        refusal(provider, "linux", Map.of()));
    assertEquals("there is no static host named \"b\"; configured hosts: a, mac",
        refusal(provider, "linux", Map.of("host", "b")));
    assertEquals("static host mac runs macos, but the lease asks for target linux; ask for target "
        + "macos or choose another host", refusal(provider, "linux", Map.of("host", "mac")));
    assertEquals("the static provider takes only the host option; remove region",
        refusal(provider, "macos", Map.of("host", "mac", "region", "x")));

    provider.validate(request("macos", Map.of("host", "mac")));
    LeaseMachine machine = Await.result(provider.provision(request("macos", Map.of("host", "mac"))))
        .machine();
    assertEquals(new LeaseMachine.Ssh("mac.example.net", 2222, "ops", KEY_B), machine.ssh());
    Throwable unknown = Await.failure(provider.provision(request("linux", Map.of("host", "b"))));
    assertEquals("there is no static host named \"b\"; configured hosts: a, mac", unknown.getMessage());
  }

  @Test
  void releaseLeavesTheHostAlone(Vertx vertx) {
    LeaseProvider provider = create(vertx, new JsonArray().add(host("a", KEY_A))).provider();
    Await.result(provider.release("cbx_0000000000aa", "a"));
    Await.result(provider.release("cbx_0000000000aa", null));
  }

  @Test
  void aLeaseOnATestHostRunsCommands(Vertx vertx, @TempDir Path workDir) throws Exception {
    KeyPair operatorKey = TestKeys.newKeyPair();
    try (TestSshHost sshHost = TestSshHost.start(TestKeys.publicKeyLine(operatorKey), workDir);
        TestSshClient client = new TestSshClient()) {
      JsonObject entry = new JsonObject().put("name", "box").put("host", sshHost.host())
          .put("port", sshHost.port()).put("user", sshHost.user())
          .put("hostKey", sshHost.hostKeyFingerprint());
      LeaseProvider provider = create(vertx, new JsonArray().add(entry)).provider();
      LeaseMachine.Ssh ssh = Await.result(provider.provision(request("linux", Map.of("host", "box"))))
          .machine().ssh();
      assertEquals("hello\n", client.exec(ssh, operatorKey, "echo hello").stdout());
    }
  }
}
