package dev.crabbox.coordinator.provider.hetzner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.capability.ProviderSpec;
import dev.crabbox.protocol.id.Slugs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hetzner provider against a fake Cloud API speaking the real API's JSON. */
@ExtendWith(VertxExtension.class)
class HetznerProviderTest {

  private static final String LEASE = "cbx_0123456789ab";
  private static final String OPERATOR_KEY = TestKeys.ed25519(7, "alice@laptop");
  private static final LeaseView.Labels DESKTOP_AND_BROWSER =
      new LeaseView.Labels(true, true, false);

  private final StubBootstrap bootstrap = new StubBootstrap();
  private Vertx vertx;
  private FakeHetznerCloud cloud;
  private HetznerProvider provider;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    cloud = FakeHetznerCloud.start(vertx);
    provider = provider(settings(FakeHetznerCloud.TOKEN, Duration.ofSeconds(10),
        Duration.ofSeconds(30)));
  }

  @AfterEach
  void stop() {
    Await.result(provider.close());
    cloud.stop();
  }

  @Test
  void createsTheServerWithLeaseLabelsKeyAndUserDataThenWaitsUntilItRuns() {
    ProvisionRequest request = request(Map.of(), OPERATOR_KEY);

    Provisioned provisioned = Await.result(provider.provision(request));

    assertTrue(cloud.calls().stream()
        .allMatch(call -> ("Bearer " + FakeHetznerCloud.TOKEN).equals(call.authorization())));
    FakeHetznerCloud.Call lookup = cloud.calls().get(0);
    assertEquals("GET /servers", lookup.request());
    assertEquals("crabbox-lease=" + LEASE, lookup.query().get("label_selector"));

    JsonObject keyBody = cloud.calls("POST /ssh_keys").get(0).body();
    assertEquals(new JsonObject().put("name", "crabbox-" + LEASE).put("public_key", OPERATOR_KEY)
        .put("labels", new JsonObject().put("crabbox-lease", LEASE)), keyBody);
    long keyId = cloud.sshKeyId("crabbox-" + LEASE);

    assertEquals(1, cloud.calls("POST /servers").size());
    JsonObject serverBody = cloud.calls("POST /servers").get(0).body();
    assertEquals(new JsonObject()
        .put("name", "crabbox-" + Slugs.slugFor(LEASE) + "-0123456789ab")
        .put("server_type", "cx22")
        .put("location", "fsn1")
        .put("image", "debian-12")
        .put("ssh_keys", new JsonArray().add(keyId))
        .put("user_data", bootstrap.userData(request))
        .put("labels", new JsonObject()
            .put("crabbox-lease", LEASE)
            .put("crabbox-owner", "alice_example.com")
            .put("crabbox-desktop", "true")
            .put("crabbox-browser", "true")
            .put("crabbox-code", "false"))
        .put("start_after_create", true), serverBody);

    long serverId = Long.parseLong(provisioned.providerRef());
    assertTrue(cloud.hasServer(serverId));
    // initializing → starting → running: two looks after the create answer
    assertEquals(2, cloud.calls("GET /servers/{id}").size());
    LeaseMachine machine = provisioned.machine();
    assertEquals("cx22", machine.serverType());
    assertEquals("fsn1", machine.region());
    assertEquals(new LeaseMachine.Ssh(CloudJson.ipv4(serverId), 22, MachineBootstrap.SSH_USER,
        bootstrap.hostKeyFingerprint(request.secrets())), machine.ssh());
    assertEquals(0, new BigDecimal("0.00714").compareTo(machine.cost().hourly()));
    assertEquals("EUR", machine.cost().currency());
  }

  @Test
  void requestOptionsChooseTypeLocationAndImage() {
    Provisioned provisioned = Await.result(provider.provision(request(
        Map.of("serverType", "cpx31", "location", "nbg1", "image", "ubuntu-24.04"), "")));

    JsonObject body = cloud.calls("POST /servers").get(0).body();
    assertEquals("cpx31", body.getString("server_type"));
    assertEquals("nbg1", body.getString("location"));
    assertEquals("ubuntu-24.04", body.getString("image"));
    assertEquals(new JsonArray(), body.getJsonArray("ssh_keys"));
    assertTrue(cloud.calls("POST /ssh_keys").isEmpty(), "no key to upload");
    assertEquals("cpx31", provisioned.machine().serverType());
    assertEquals("nbg1", provisioned.machine().region());
    assertEquals(0, new BigDecimal("0.024752").compareTo(provisioned.machine().cost().hourly()));
  }

  @Test
  void resumesTheServerAlreadyStartedForTheLease() {
    JsonObject existing = cloud.addServer("crabbox-earlier",
        new JsonObject().put("crabbox-lease", LEASE), "starting");
    cloud.addServer("someone-else", new JsonObject().put("crabbox-lease", "cbx_ffffffffffff"),
        "running");

    Provisioned provisioned = Await.result(provider.provision(request(Map.of(), OPERATOR_KEY)));

    assertEquals(String.valueOf(existing.getLong("id")), provisioned.providerRef());
    assertTrue(cloud.calls("POST /servers").isEmpty(), "no second server");
    assertTrue(cloud.calls("POST /ssh_keys").isEmpty(), "no key upload for a found server");
    assertEquals(2, cloud.serverCount());
  }

  @Test
  void usesTheOperatorsKeyWhenTheProjectAlreadyHoldsItAndLeavesItOnRelease() {
    long operatorsOwn = cloud.addSshKey("alice laptop", OPERATOR_KEY, new JsonObject());

    Provisioned provisioned = Await.result(provider.provision(request(Map.of(), OPERATOR_KEY)));

    assertEquals(new JsonArray().add(operatorsOwn),
        cloud.calls("POST /servers").get(0).body().getJsonArray("ssh_keys"));
    assertEquals(1, cloud.calls("GET /ssh_keys").stream()
        .filter(call -> call.query().contains("fingerprint")).count());
    Await.result(provider.release(LEASE, provisioned.providerRef()));
    assertTrue(cloud.hasSshKey(operatorsOwn), "the operator's own key stays");
  }

  @Test
  void reusesTheKeyAnEarlierAttemptUploadedAndDeletesItOnRelease() {
    long earlier = cloud.addSshKey("crabbox-" + LEASE, OPERATOR_KEY,
        new JsonObject().put("crabbox-lease", LEASE));

    Provisioned provisioned = Await.result(provider.provision(request(Map.of(), OPERATOR_KEY)));

    assertEquals(new JsonArray().add(earlier),
        cloud.calls("POST /servers").get(0).body().getJsonArray("ssh_keys"));
    Await.result(provider.release(LEASE, provisioned.providerRef()));
    assertFalse(cloud.hasSshKey(earlier));
  }

  @Test
  void quotaErrorFailsTheLeaseWithTheApiMessage() {
    cloud.failNext("POST /servers", 403, "resource_limit_exceeded", "server limit exceeded");

    ProviderException failure = providerFailure(provider.provision(request(Map.of(), "")));

    assertEquals("hetzner: server limit exceeded (resource_limit_exceeded)", failure.getMessage());
    assertFalse(failure.retryable());
  }

  @Test
  void userDataOverTheApiLimitIsRefusedBeforeAnythingIsCreated() {
    HetznerProvider oversized = new HetznerProvider(vertx, settings(FakeHetznerCloud.TOKEN,
        Duration.ofSeconds(10), Duration.ofSeconds(30)), new StubBootstrap(40_000));

    ProviderException failure = providerFailure(oversized.provision(request(Map.of(),
        OPERATOR_KEY)));

    assertTrue(failure.getMessage().startsWith("hetzner: the cloud-init document for this lease "
        + "is 400"), failure.getMessage());
    assertTrue(failure.getMessage().endsWith("Hetzner takes at most 32768 bytes of user data"),
        failure.getMessage());
    assertTrue(cloud.calls("POST /ssh_keys").isEmpty());
    assertTrue(cloud.calls("POST /servers").isEmpty());
    Await.result(oversized.close());
  }

  @Test
  void rateLimitIsARetryableFailure() {
    cloud.failNext("GET /servers", 429, "rate_limit_exceeded",
        "limit of 3600 requests per hour reached");

    ProviderException failure = providerFailure(provider.provision(request(Map.of(), "")));

    assertEquals("hetzner: limit of 3600 requests per hour reached (rate_limit_exceeded)",
        failure.getMessage());
    assertTrue(failure.retryable());
    assertTrue(cloud.calls("POST /servers").isEmpty());
  }

  @Test
  void aRateLimitedLookWhileWaitingIsRiddenOut() {
    cloud.failNext("GET /servers/{id}", 429, "rate_limit_exceeded", "rate limit exceeded");

    Provisioned provisioned = Await.result(provider.provision(request(Map.of(), "")));

    assertEquals(3, cloud.calls("GET /servers/{id}").size());
    assertEquals(CloudJson.ipv4(Long.parseLong(provisioned.providerRef())),
        provisioned.machine().ssh().host());
  }

  @Test
  void anApiThatNeverAnswersFailsAfterTheRequestTimeout() {
    HetznerProvider impatient = provider(settings(FakeHetznerCloud.TOKEN,
        Duration.ofMillis(500), Duration.ofSeconds(30)));
    cloud.neverAnswer("GET /servers");

    ProviderException failure = providerFailure(impatient.provision(request(Map.of(), "")));

    assertEquals("hetzner API did not answer within 500ms (GET /servers)", failure.getMessage());
    assertTrue(failure.retryable());
    Await.result(impatient.close());
  }

  @Test
  void aServerThatNeverRunsFailsAtTheProvisionTimeout() {
    HetznerProvider provisionBounded = provider(settings(FakeHetznerCloud.TOKEN,
        Duration.ofSeconds(10), Duration.ofMillis(200)));
    cloud.holdStatus("initializing");

    ProviderException failure = providerFailure(provisionBounded.provision(request(Map.of(), "")));

    assertEquals("hetzner: server " + cloud.onlyServerId()
        + " was not running with a public IPv4 within 200ms (status \"initializing\")",
        failure.getMessage());
    Await.result(provisionBounded.close());
  }

  @Test
  void aWrongTokenIsReportedWithoutShowingIt() {
    String wrong = "wrong-secret-token-Y2n8";
    HetznerProvider unauthorized = provider(settings(wrong, Duration.ofSeconds(10),
        Duration.ofSeconds(30)));

    ProviderException failure = providerFailure(unauthorized.provision(request(Map.of(), "")));

    assertEquals("hetzner: unable to authenticate (unauthorized)", failure.getMessage());
    assertEquals("Bearer " + wrong, cloud.calls().get(0).authorization());
    assertFalse(failure.toString().contains(wrong));
    Await.result(unauthorized.close());
  }

  @Test
  void releaseDeletesTheServerAndTheLeaseKeyAndCanBeRepeated() {
    Provisioned provisioned = Await.result(provider.provision(request(Map.of(), OPERATOR_KEY)));
    long serverId = Long.parseLong(provisioned.providerRef());
    long keyId = cloud.sshKeyId("crabbox-" + LEASE);

    Await.result(provider.release(LEASE, provisioned.providerRef()));
    assertFalse(cloud.hasServer(serverId));
    assertFalse(cloud.hasSshKey(keyId));

    Await.result(provider.release(LEASE, provisioned.providerRef()));
    assertEquals(2, cloud.calls("DELETE /servers/{id}").size(), "second delete met a 404");
  }

  @Test
  void releaseWithoutReferenceFindsTheServerByItsLeaseLabel() {
    long id = cloud.addServer("crabbox-half-made", new JsonObject().put("crabbox-lease", LEASE),
        "initializing").getLong("id");
    long other = cloud.addServer("someone-else",
        new JsonObject().put("crabbox-lease", "cbx_ffffffffffff"), "running").getLong("id");

    Await.result(provider.release(LEASE, null));

    assertFalse(cloud.hasServer(id));
    assertTrue(cloud.hasServer(other));
    Await.result(provider.release(LEASE, null));
  }

  @Test
  void aServerErrorOnReleaseIsRetryable() {
    cloud.failNext("DELETE /servers/{id}", 503, "unavailable", "service temporarily unavailable");

    ProviderException failure = providerFailure(provider.release(LEASE, "42"));

    assertEquals("hetzner: service temporarily unavailable (unavailable)", failure.getMessage());
    assertTrue(failure.retryable());
  }

  @Test
  void validateAcceptsLinuxWithKnownOptionsOnly() {
    provider.validate(request(Map.of("serverType", "cpx31", "location", "hel1",
        "image", "ubuntu-24.04"), ""));

    assertEquals("hetzner leases run Linux; target \"macos\" is not available",
        assertThrows(ProviderException.class,
            () -> provider.validate(request("macos", Map.of()))).getMessage());
    assertEquals("hetzner leases run Linux; target \"windows\" is not available",
        assertThrows(ProviderException.class,
            () -> provider.validate(request("windows", Map.of()))).getMessage());
    assertEquals("hetzner has no option \"region\"; it takes image, location, serverType",
        assertThrows(ProviderException.class,
            () -> provider.validate(request("linux", Map.of("region", "fsn1")))).getMessage());
    assertEquals("hetzner option \"serverType\" must be a Hetzner name such as \"cx22\"; "
        + "got \"cx22 --force\"", assertThrows(ProviderException.class,
            () -> provider.validate(request("linux", Map.of("serverType", "cx22 --force"))))
        .getMessage());
  }

  @Test
  void secretsComeFromTheBootstrap() {
    ProvisionRequest request = request(Map.of(), "");
    assertEquals(bootstrap.prepareSecrets(request), provider.prepareSecrets(request));
    assertEquals("hetzner", provider.name());
    assertEquals(ProviderSpec.HETZNER, provider.spec());
  }

  private HetznerProvider provider(HetznerSettings settings) {
    return new HetznerProvider(vertx, settings, bootstrap);
  }

  private HetznerSettings settings(String token, Duration requestTimeout,
      Duration provisionTimeout) {
    return new HetznerSettings(token, cloud.apiUrl(), "cx22", "fsn1", "debian-12", requestTimeout,
        Duration.ofMillis(10), provisionTimeout);
  }

  private ProvisionRequest request(Map<String, String> options, String sshKey) {
    ProvisionRequest request = new ProvisionRequest(LEASE, Slugs.slugFor(LEASE),
        "alice@example.com", "acme", "linux", DESKTOP_AND_BROWSER, sshKey, options, Map.of());
    return request.withSecrets(bootstrap.prepareSecrets(request));
  }

  private ProvisionRequest request(String target, Map<String, String> options) {
    return new ProvisionRequest(LEASE, Slugs.slugFor(LEASE), "alice", "", target,
        DESKTOP_AND_BROWSER, "", options, Map.of());
  }

  private static ProviderException providerFailure(Future<?> future) {
    return assertInstanceOf(ProviderException.class, Await.failure(future));
  }
}
