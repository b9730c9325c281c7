package dev.crabbox.coordinator.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A coordinator on a random port with a movable clock, plus an HTTP and a WebSocket client
 * pointed at it. Blocking helpers: call from the test thread only.
 */
public final class TestCoordinator {

  private final Vertx vertx;
  private final Path dataDir;
  private final MutableClock clock;
  private final Consumer<CoordinatorOptions> customizer;
  private CoordinatorVerticle verticle;
  private String deploymentId;
  private WebClient http;
  private WebSocketClient webSockets;

  private TestCoordinator(Vertx vertx, Path dataDir, MutableClock clock,
      Consumer<CoordinatorOptions> customizer) {
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.clock = clock;
    this.customizer = customizer;
  }

  public static TestCoordinator start(Vertx vertx, Path dataDir) {
    return start(vertx, dataDir, options -> { });
  }

  public static TestCoordinator start(Vertx vertx, Path dataDir,
      Consumer<CoordinatorOptions> customizer) {
    TestCoordinator coordinator = new TestCoordinator(vertx, dataDir, new MutableClock(), customizer);
    coordinator.deploy();
    return coordinator;
  }

  /** The options every test coordinator uses; {@code customizer} adjusts them. */
  public CoordinatorOptions options() {
    CoordinatorOptions options = new CoordinatorOptions()
        .setPort(0)
        .setDataDir(dataDir)
        .setClock(clock)
        .setSweepInterval(Duration.ofMillis(50));
    customizer.accept(options);
    return options;
  }

  private void deploy() {
    verticle = new CoordinatorVerticle(options());
    deploymentId = Await.result(vertx.deployVerticle(verticle));
    boolean tls = verticle.baseUri().getScheme().equals("https");
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(port()).setSsl(tls).setTrustAll(tls).setVerifyHost(false));
    webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(128 * 1024).setMaxMessageSize(WireLimits.MAX_V1_MESSAGE + 1024)
        .setSsl(tls).setTrustAll(tls).setVerifyHost(false));
  }

  /** Undeploys and deploys a new coordinator on the same data directory and clock. */
  public void restart() {
    stop();
    deploy();
  }

  /**
   * Undeploys first, so that open test sockets see the coordinator's own close codes. Does
   * nothing when the test undeployed the coordinator already.
   */
  public void stop() {
    if (deploymentId != null) {
      Await.result(undeploy());
    }
  }

  /** Undeploys the coordinator, then closes the test clients; fails as the undeploy failed. */
  public Future<Void> undeploy() {
    String undeploying = deploymentId;
    deploymentId = null;
    return vertx.undeploy(undeploying).eventually(() -> {
      http.close();
      return webSockets.close();
    });
  }

  public Vertx vertx() {
    return vertx;
  }

  public Path dataDir() {
    return dataDir;
  }

  public MutableClock clock() {
    return clock;
  }

  public CoordinatorVerticle verticle() {
    return verticle;
  }

  public int port() {
    return verticle.actualPort();
  }

  public String adminToken() {
    return verticle.adminToken();
  }

  public String token(String owner, String org) {
    return verticle.keys().mintToken(owner, org, Role.USER);
  }

  public HttpResponse<Buffer> request(HttpMethod method, String path, String token, JsonObject body) {
    HttpRequest<Buffer> request = http.request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return Await.result(body == null ? request.send() : request.sendJsonObject(body));
  }

  public HttpResponse<Buffer> get(String path, String token) {
    return request(HttpMethod.GET, path, token, null);
  }

  public HttpResponse<Buffer> post(String path, String token, JsonObject body) {
    return request(HttpMethod.POST, path, token, body);
  }

  /** POSTs {@code text} as {@code text/plain; charset=utf-8}. */
  public HttpResponse<Buffer> postText(String path, String token, String text) {
    HttpRequest<Buffer> request = http.request(HttpMethod.POST, path)
        .putHeader("Content-Type", "text/plain; charset=utf-8");
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return Await.result(request.sendBuffer(Buffer.buffer(text)));
  }

  /** Creates a manual lease and returns its JSON. */
  public JsonObject createLease(String token) {
    HttpResponse<Buffer> response = post("/v1/leases", token, null);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  public String createLeaseId(String token) {
    return createLease(token).getString("id");
  }

  /** Mints a ticket (must succeed) and returns its JSON. */
  public JsonObject ticket(String token, String lease, JsonObject body) {
    HttpResponse<Buffer> response = post("/v1/leases/" + lease + "/egress/ticket", token, body);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  public String ticket(String token, String lease, String role) {
    return ticket(token, lease, new JsonObject().put("role", role)).getString("ticket");
  }

  /** Upgrades to the bridge with the given headers (and query); v2 offers the subprotocol. */
  public Future<WebSocket> connect(String lease, String role, Map<String, String> headers,
      String query, boolean v2) {
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port())
        .setSsl(verticle.baseUri().getScheme().equals("https"))
        .setURI("/v1/leases/" + lease + "/egress/" + role + (query == null ? "" : "?" + query));
    headers.forEach(options::addHeader);
    if (v2) {
      options.addSubProtocol(WireLimits.SUBPROTOCOL_V2);
    }
    return webSockets.connect(options);
  }

  /** A peer connected with {@code Authorization: Bearer <ticket>}. */
  public TestPeer peer(String lease, String role, String ticket, boolean v2) {
    return TestPeer.of(Await.result(connect(lease, role,
        Map.of("Authorization", "Bearer " + ticket), null, v2)));
  }

  /** Mints a ticket as {@code token} and connects a peer with it. */
  public TestPeer connectPeer(String token, String lease, String role, boolean v2) {
    return peer(lease, role, ticket(token, lease, role), v2);
  }

  /** The HTTP refusal of an upgrade that must fail. */
  public static UpgradeRejectedException rejected(Future<WebSocket> upgrade) {
    Throwable failure = Await.failure(upgrade);
    if (failure instanceof UpgradeRejectedException rejected) {
      return rejected;
    }
    throw new AssertionError("expected an HTTP refusal, got " + failure, failure);
  }

  /** Asserts status and JSON error code of a refused upgrade. */
  public static void assertRefused(Future<WebSocket> upgrade, int status, String code) {
    UpgradeRejectedException rejected = rejected(upgrade);
    assertEquals(status, rejected.getStatus());
    assertEquals(code, new JsonObject(rejected.getBody()).getString("error"), rejected.getBody().toString());
  }

  /** Asserts status and JSON error code of an API response. */
  public static void assertError(HttpResponse<Buffer> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals(code, body.getString("error"), response.bodyAsString());
    assertEquals(2, body.size(), "error body has exactly error and message: " + body);
  }
}
