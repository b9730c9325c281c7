package dev.crabbox.coordinator.lease;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.ScriptedProvider;
import dev.crabbox.coordinator.support.TestCoordinator;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease lifecycle through a provider: provisioning → active | failed, release and expiry with
 * cleanup, and a restart at every stage losing nothing.
 */
@ExtendWith(VertxExtension.class)
class ProvisioningLifecycleTest {

  private final ScriptedProvider provider = new ScriptedProvider();
  private TestCoordinator coordinator;
  private String alice;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path dataDir) {
    coordinator = TestCoordinator.start(vertx, dataDir,
        options -> options.addProviderFactory(provider.factory()));
    alice = coordinator.token("alice", "acme");
  }

  @AfterEach
  void stop() {
    coordinator.stop();
  }

  private JsonObject create(JsonObject body) {
    HttpResponse<Buffer> response = coordinator.post("/v1/leases", alice, body);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private JsonObject createScripted() {
    return create(new JsonObject().put("provider", ScriptedProvider.NAME)
        .put("labels", new JsonObject().put("desktop", true)));
  }

  private JsonObject lease(String id) {
    return coordinator.get("/v1/leases/" + id, alice).bodyAsJsonObject();
  }

  private String state(String id) {
    return lease(id).getString("state");
  }

  @Test
  void aProviderLeaseAnswersProvisioningThenBecomesActiveWithItsMachine() {
    JsonObject created = createScripted();
    String id = created.getString("id");
    assertEquals("provisioning", created.getString("state"));
    assertNull(created.getValue("ssh"), "no machine yet");
    await().until(() -> provider.isPending(id));

    coordinator.clock().advance(Duration.ofMinutes(3));
    provider.finish(id);
    await().until(() -> state(id).equals("active"));

    JsonObject active = lease(id);
    assertEquals(new JsonObject().put("host", "203.0.113.7").put("port", 22)
        .put("user", "crabbox").put("hostKey", ScriptedProvider.MACHINE.ssh().hostKey()),
        active.getJsonObject("ssh"));
    assertEquals("cx22", active.getString("serverType"));
    assertEquals("fsn1", active.getString("region"));
    assertEquals(new JsonObject().put("hourly", "0.0071").put("currency", "EUR"),
        active.getJsonObject("cost"));
    assertTrue(active.getJsonObject("labels").getBoolean("desktop"));
    // Idle time counts from activation, not from the create call.
    assertEquals(Instant.parse(active.getString("updatedAt")).plus(Duration.ofMinutes(30)),
        Instant.parse(active.getString("expiresAt")));
    assertFalse(active.encode().contains("private-"), "secrets never leave the coordinator");
  }

  @Test
  void aProviderFailureEndsTheLeaseFailedWithTheReasonAndCleansUp() {
    String id = createScripted().getString("id");
    await().until(() -> provider.isPending(id));
    provider.fail(id, "scripted: server limit reached (resource_limit_exceeded)");

    await().until(() -> state(id).equals("failed"));
    assertEquals("scripted: server limit reached (resource_limit_exceeded)",
        lease(id).getString("failure"));
    await().until(() -> provider.released.contains(id));
    assertEquals(409, coordinator.post("/v1/leases/" + id + "/heartbeat", alice, null)
        .statusCode());
  }

  @Test
  void releasingWhileProvisioningDeletesTheMachineThatArrivesLater() {
    String id = createScripted().getString("id");
    await().until(() -> provider.isPending(id));
    HttpResponse<Buffer> released = coordinator.request(HttpMethod.DELETE, "/v1/leases/" + id,
        alice, null);
    assertEquals(200, released.statusCode(), released.bodyAsString());
    assertEquals("released", released.bodyAsJsonObject().getString("state"));

    provider.finish(id);
    await().until(() -> provider.released.stream().filter(id::equals).count() >= 2);
    assertEquals("released", state(id), "a late machine does not revive the lease");
  }

  @Test
  void expiryReleasesTheMachineAndAFailedCleanupIsRetried() {
    provider.completeAtOnce();
    provider.releaseFailuresLeft.set(2);
    String id = createScripted().getString("id");
    await().until(() -> state(id).equals("active"));

    coordinator.clock().advance(Duration.ofMinutes(31));
    await().until(() -> provider.released.contains(id));
    assertEquals("expired", state(id));
    assertEquals(0, provider.releaseFailuresLeft.get(), "two failed attempts came first");
  }

  @Test
  void provisioningThatNeverEndsFailsAfterTheTimeout() {
    String id = createScripted().getString("id");
    await().until(() -> provider.isPending(id));
    coordinator.clock().advance(Duration.ofMinutes(21));
    await().until(() -> state(id).equals("failed"));
    assertEquals("scripted: provisioning did not finish within 20m", lease(id).getString("failure"));
    await().until(() -> provider.released.contains(id));
  }

  @Test
  void aRestartResumesProvisioningWithTheSameSecrets() {
    String id = createScripted().getString("id");
    await().until(() -> provider.isPending(id));

    coordinator.restart();
    await().until(() -> provider.provisioned.stream().filter(id::equals).count() == 2);
    provider.finish(id);
    await().until(() -> state(id).equals("active"));
  }

  @Test
  void aRestartReattachesActiveLeasesAndResumesPendingCleanup() {
    provider.completeAtOnce();
    String kept = createScripted().getString("id");
    String ended = createScripted().getString("id");
    await().until(() -> state(kept).equals("active") && state(ended).equals("active"));
    provider.releaseFailuresLeft.set(1_000);
    coordinator.post("/v1/leases/" + ended + "/release", alice, null);

    coordinator.restart();
    assertEquals(List.of(kept), provider.reattached);
    assertTrue(provider.released.isEmpty());
    provider.releaseFailuresLeft.set(0);
    await().until(() -> provider.released.contains(ended));
    assertEquals("active", state(kept));
    assertEquals("released", state(ended));
  }

  @Test
  void requestsTheProviderCannotServeAreRefusedAndStoreNothing() {
    assertRefused(new JsonObject().put("provider", "nimbus"), "unknown provider \"nimbus\"");
    assertRefused(new JsonObject().put("provider", "hetzner"),
        "provider hetzner is not enabled on this coordinator");
    assertRefused(new JsonObject().put("provider", ScriptedProvider.NAME)
        .put("options", new JsonObject().put("refuse", "yes")), "scripted: option refuse");
    assertRefused(new JsonObject().put("provider", ScriptedProvider.NAME).put("target", "beos"),
        "unknown target \"beos\"");
    assertRefused(new JsonObject().put("provider", ScriptedProvider.NAME)
        .put("sshPublicKey", "ssh-ed25519 not-base64!"), "SSH public key");
    assertEquals(0, coordinator.get("/v1/leases", alice).bodyAsJsonObject()
        .getJsonArray("leases").size());
    assertTrue(provider.provisioned.isEmpty());
  }

  private void assertRefused(JsonObject body, String messageStart) {
    HttpResponse<Buffer> response = coordinator.post("/v1/leases", alice, body);
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertTrue(response.bodyAsJsonObject().getString("message").startsWith(messageStart),
        response.bodyAsString());
  }

  @Test
  void capabilitiesTheProviderLacksAreRefusedWithTheSpecText(Vertx vertx, @TempDir Path dir) {
    ScriptedProvider staticLike = new ScriptedProvider(new ProviderSpec("static", false,
        ProviderSpec.STATIC.features()));
    TestCoordinator other = TestCoordinator.start(vertx, dir,
        options -> options.setProviderFactories(List.of(staticLike.factory())));
    try {
      String token = other.token("bob", "");
      HttpResponse<Buffer> refused = other.post("/v1/leases", token, new JsonObject()
          .put("provider", "static").put("labels", new JsonObject(Map.of("code", true))));
      assertEquals(400, refused.statusCode());
      assertEquals("web code currently supports managed Linux leases only",
          refused.bodyAsJsonObject().getString("message"));
      assertEquals(201, other.post("/v1/leases", token, new JsonObject().put("provider", "static")
          .put("labels", new JsonObject(Map.of("desktop", true, "browser", true)))).statusCode());
    } finally {
      other.stop();
    }
  }
}
