package dev.crabbox.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.TicketSource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API client against a fake coordinator mounted under a path prefix. */
@ExtendWith(VertxExtension.class)
class CoordinatorClientTest {

  /** One request as the fake coordinator saw it. */
  private record Seen(String method, String uri, String authorization, JsonObject body,
      String gatewayId) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private CoordinatorClient client;

  @BeforeEach
  void start(Vertx vertx) {
    HttpServer server = vertx.createHttpServer().requestHandler(this::answer);
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    client = new CoordinatorClient(vertx, URI.create("http://127.0.0.1:" + port + "/base/"), "tok", ClientTls.system());
  }

  private void answer(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      seen.add(new Seen(request.method().name(), request.uri(), request.getHeader("Authorization"),
          body.length() == 0 ? null : body.toJsonObject(), request.getHeader("CF-Access-Client-Id")));
      String path = request.path();
      if (path.equals("/base/v1/leases/blue%20lobster/egress/ticket")) {
        JsonObject in = body.toJsonObject();
        json(request, 201, new JsonObject().put("ticket", "egress_0123456789abcdef0123456789abcdef")
            .put("leaseID", "cbx_000000000001").put("role", in.getString("role"))
            .put("sessionID", in.getString("sessionID", "egress_generated")).put("expiresAt", "2026-01-01T00:02:00Z"));
      } else if (path.equals("/base/v1/leases")) {
        json(request, 200, new JsonObject().put("leases", new JsonArray().add(new JsonObject().put("id", "cbx_1"))));
      } else if (path.equals("/base/v1/leases/gone")) {
        json(request, 404, new JsonObject().put("error", "lease_not_found").put("message", "lease not found"));
      } else if (path.equals("/base/v1/whoami")) {
        request.response().setStatusCode(502).end("<html>bad gateway</html>");
      } else {
        json(request, 200, new JsonObject().put("path", path));
      }
    });
  }

  private static void json(HttpServerRequest request, int status, JsonObject body) {
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  @Test
  void mintsATicketWithBearerAuthAndTheContractBody() {
    EgressTicket ticket = client.mintEgressTicket("blue lobster", "host", "egress_abcdef", "discord",
        List.of("discord.com", "*.discord.com")).await();
    assertEquals("egress_0123456789abcdef0123456789abcdef", ticket.ticket());
    assertEquals("host", ticket.role());
    assertEquals("egress_abcdef", ticket.sessionID());
    assertFalse(ticket.toString().contains(ticket.ticket()), "toString must not reveal the ticket");
    Seen request = seen.get(0);
    assertEquals("POST", request.method());
    assertEquals("Bearer tok", request.authorization());
    assertEquals(new JsonObject().put("role", "host").put("sessionID", "egress_abcdef").put("profile", "discord")
        .put("allow", new JsonArray().add("discord.com").add("*.discord.com")), request.body());
  }

  @Test
  void leavesOutAbsentOptionalFields() {
    client.mintEgressTicket("blue lobster", "client", null, null, List.of()).await();
    assertEquals(new JsonObject().put("role", "client"), seen.get(0).body());
  }

  @Test
  void mapsErrorBodiesToCoordinatorApiException() {
    Throwable failure = failureOf(() -> client.getLease("gone").await());
    CoordinatorApiException api = assertInstanceOf(CoordinatorApiException.class, failure);
    assertEquals(404, api.status());
    assertEquals("lease_not_found", api.code());
    assertEquals("lease not found", api.getMessage());
  }

  @Test
  void aNonJsonErrorStillFailsWithTheStatus() {
    CoordinatorApiException api = assertInstanceOf(CoordinatorApiException.class,
        failureOf(() -> client.whoami().await()));
    assertEquals(502, api.status());
    assertEquals("http_502", api.code());
    assertEquals("GET /v1/whoami failed with HTTP 502", api.getMessage());
  }

  @Test
  void listsLeasesAndKeepsThePathPrefix() {
    assertEquals("cbx_1", client.listLeases().await().get(0).getString("id"));
    assertEquals("/base/v1/leases/cbx_1/egress/status",
        client.egressStatus("cbx_1").await().getString("path"));
    assertEquals("/base/v1/leases/cbx_1/release", client.releaseLease("cbx_1").await().getString("path"));
  }

  @Test
  void runAndHeartbeatCallsUseTheRunRoutesAndBodies() {
    client.heartbeatLease("blue lobster").await();
    client.createRun(new JsonObject().put("leaseID", "cbx_1").put("command", "make")).await();
    client.appendRunEvents("run_1", new JsonArray().add(new JsonObject().put("type", "run.started"))).await();
    client.appendRunLog("run_1", "hello\n").await();
    client.addRunTelemetry("run_1", new JsonObject().put("load1", 0.5)).await();
    client.putRunJunit("run_1", new JsonObject().put("tests", 3)).await();
    client.finishRun("run_1", 7).await();
    client.getRun("run_1").await();
    List<String> calls = seen.stream().map(s -> s.method() + " " + s.uri()).toList();
    assertEquals(List.of("POST /base/v1/leases/blue%20lobster/heartbeat", "POST /base/v1/runs",
        "POST /base/v1/runs/run_1/events", "POST /base/v1/runs/run_1/logs", "POST /base/v1/runs/run_1/telemetry",
        "POST /base/v1/runs/run_1/junit", "POST /base/v1/runs/run_1/finish", "GET /base/v1/runs/run_1"), calls);
    assertEquals(new JsonObject().put("events", new JsonArray().add(new JsonObject().put("type", "run.started"))),
        seen.get(2).body());
    assertEquals(new JsonObject().put("text", "hello\n"), seen.get(3).body());
    assertEquals(new JsonObject().put("exitCode", 7), seen.get(6).body());
  }

  /**
   * The CLI calls the client from plain threads and awaits each answer. A call whose response was in
   * before the calling thread had finished setting the call up once lost the response body and hung.
   * That interleaving cannot be forced from here; many calls from more plain threads than there are
   * CPUs give it a chance (this caught the old client in roughly one run of eight), and a correct
   * client passes every time.
   */
  @Test
  void callsFromPlainThreadsAllComplete() throws Exception {
    int threads = 8;
    int callsPerThread = 250;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String lease = "cbx_" + t;
        done.add(callers.submit(() -> {
          for (int i = 0; i < callsPerThread; i++) {
            assertEquals("/base/v1/leases/" + lease, client.getLease(lease).await().getString("path"));
          }
        }));
      }
      for (Future<?> caller : done) {
        caller.get();
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(threads * callsPerThread, seen.size());
  }

  @Test
  void mintingTicketSourceMintsOnEveryCall() {
    TicketSource tickets = TicketSource.minting(client, "blue lobster", "client", null, null, List.of());
    assertTrue(tickets.canMint());
    tickets.nextTicket().await();
    tickets.nextTicket().await();
    assertEquals(2, seen.size());
  }

  @Test
  void fixedTicketSourceHandsOutItsTicketOnce() {
    TicketSource fixed = TicketSource.fixed("ticket-1");
    assertFalse(fixed.canMint());
    assertEquals("ticket-1", fixed.nextTicket().await());
    assertTrue(fixed.nextTicket().failed());
  }

  private static Throwable failureOf(Runnable call) {
    try {
      call.run();
    } catch (Throwable expected) {
      return expected;
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void configuredGatewayHeadersRideAlongButNeverReplaceTheBearerToken() {
    client.withHeaders(java.util.Map.of("CF-Access-Client-Id", "gateway-id.access"));
    client.listLeases().await();
    Seen call = seen.get(seen.size() - 1);
    assertEquals("gateway-id.access", call.gatewayId());
    assertEquals("Bearer tok", call.authorization());
    IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> client.withHeaders(java.util.Map.of("Authorization", "Bearer other")));
    assertEquals("coordinator header \"Authorization\" is set by crabbox itself and cannot be configured",
        refused.getMessage());
  }
}
