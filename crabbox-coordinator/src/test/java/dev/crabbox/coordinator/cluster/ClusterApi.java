package dev.crabbox.coordinator.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.coordinator.egress.BridgeHeaders;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestPeer;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** The coordinator API and bridge upgrades of any node of the test cluster, by HTTP port. */
final class ClusterApi {

  private final WebClient http;
  private final WebSocketClient webSockets;
  private final String token;

  ClusterApi(Vertx vertx, String token) {
    this.http = WebClient.create(vertx);
    // Room for a full v2 DATA frame (64 KiB payload plus header), as the agents have.
    this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(128 * 1024).setMaxMessageSize(WireLimits.MAX_V1_MESSAGE + 1024));
    this.token = token;
  }

  HttpResponse<Buffer> request(int port, HttpMethod method, String path, JsonObject body) {
    var request = http.request(method, port, "127.0.0.1", path).bearerTokenAuthentication(token);
    return Await.result(body == null ? request.send() : request.sendJsonObject(body));
  }

  JsonObject get(int port, String path) {
    HttpResponse<Buffer> response = request(port, HttpMethod.GET, path, null);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  String createLease(int port, JsonObject body) {
    HttpResponse<Buffer> response = request(port, HttpMethod.POST, "/v1/leases", body);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("id");
  }

  String ticket(int port, String lease, String role) {
    HttpResponse<Buffer> response = request(port, HttpMethod.POST,
        "/v1/leases/" + lease + "/egress/ticket", new JsonObject().put("role", role));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("ticket");
  }

  /** A v2 bridge upgrade on node {@code port} with {@code header: value}. */
  Future<WebSocket> upgrade(int port, String lease, String role, String header, String value) {
    return webSockets.connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port)
        .setURI("/v1/leases/" + lease + "/egress/" + role)
        .addHeader(header, value)
        .addSubProtocol(WireLimits.SUBPROTOCOL_V2));
  }

  TestPeer connectWithTicket(int port, String lease, String role, String ticket) {
    return TestPeer.of(Await.result(upgrade(port, lease, role, BridgeHeaders.TICKET, ticket)));
  }

  Future<WebSocket> resume(int port, String lease, String role, String resumeSecret) {
    return upgrade(port, lease, role, BridgeHeaders.RESUME_SECRET, resumeSecret);
  }
}
