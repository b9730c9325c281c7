package dev.crabbox.agent.testing;

import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.FrameType;
import dev.crabbox.protocol.frame.V1Codec;
import dev.crabbox.protocol.frame.V2Codec;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A stand-in coordinator for agent tests: accepts the two bridge upgrade paths, checks one-use
 * tickets ({@code ticket-…}) and single-use resume secrets, answers the 101 with the contract's
 * headers, pairs host and client per lease and relays messages verbatim with backpressure. When a
 * client sends OPEN and no host is connected, it answers {@code host agent not connected} itself,
 * as the real coordinator does. Tests steer it: refuse the next upgrade, close or drop a role.
 */
public final class TestRelay {

  public static final String LEASE_ID = "cbx_00000000abcd";
  public static final String SESSION_ID = "egress_test_session";
  private static final Pattern PATH = Pattern.compile("/v1/leases/([^/]+)/egress/(host|client)");

  /**
   * What one upgrade attempt presented, and the resume secret the relay issued when it accepted
   * (null for a refusal).
   */
  public record Upgrade(String role, String ticket, String resumeSecret, String subprotocol, int status,
      String issuedSecret) {}

  /** A refusal to answer the next upgrade of a role with. */
  private record Refusal(int status, String code, String message) {}

  private final Vertx vertx;
  private final SelfSignedCertificate certificate;
  private HttpServer server;
  private final Map<String, ServerWebSocket> sockets = new ConcurrentHashMap<>();
  private final Map<String, String> resumeSecrets = new ConcurrentHashMap<>();
  private final Map<String, Queue<Refusal>> refusals = new ConcurrentHashMap<>();
  private final Map<String, Boolean> usedTickets = new ConcurrentHashMap<>();
  private final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();

  public TestRelay(Vertx vertx) {
    this.vertx = vertx;
    this.certificate = null;
  }

  private TestRelay(Vertx vertx, SelfSignedCertificate certificate) {
    this.vertx = vertx;
    this.certificate = certificate;
  }

  /** A relay serving https/wss on {@code localhost} with a self-signed certificate. */
  public static TestRelay tls(Vertx vertx) {
    return new TestRelay(vertx, SelfSignedCertificate.create("localhost"));
  }

  /** The PEM certificate a client must trust (tls relays only). */
  public String certificatePath() {
    return certificate.certificatePath();
  }

  public Future<TestRelay> start() {
    HttpServerOptions options = new HttpServerOptions();
    if (certificate != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(certificate.certificatePath())
          .setKeyPath(certificate.privateKeyPath()));
    }
    server = vertx.createHttpServer(options
        .setHost(certificate != null ? "localhost" : "127.0.0.1")
        .setPort(0)
        .setWebSocketSubProtocols(List.of(WireLimits.SUBPROTOCOL_V2))
        .setMaxWebSocketFrameSize(128 * 1024)
        .setMaxWebSocketMessageSize(WireLimits.MAX_V1_MESSAGE + 1024));
    server.requestHandler(this::onRequest);
    return server.listen().map(s -> this);
  }

  public Future<Void> close() {
    return server.close();
  }

  public URI uri() {
    return URI.create(certificate != null ? "https://localhost:" + server.actualPort()
        : "http://127.0.0.1:" + server.actualPort());
  }

  public int port() {
    return server.actualPort();
  }

  /** Every upgrade attempt so far, in order. */
  public List<Upgrade> upgrades() {
    return List.copyOf(upgrades);
  }

  /** The upgrade attempts of one role, in order. */
  public List<Upgrade> upgrades(String role) {
    return upgrades.stream().filter(u -> u.role().equals(role)).toList();
  }

  public boolean connected(String role) {
    ServerWebSocket ws = sockets.get(role);
    return ws != null && !ws.isClosed();
  }

  /** Answers the next upgrade of {@code role} with this HTTP error. */
  public void refuseNext(String role, int status, String code, String message) {
    refusals.computeIfAbsent(role, r -> new ConcurrentLinkedQueue<>()).add(new Refusal(status, code, message));
  }

  /**
   * Closes the role's socket with a close frame (e.g. 1012 replaced, 1008 lease ended). The agent
   * may see its 101 before the relay has attached the socket, so this waits for the attachment.
   */
  public void closeRole(String role, short code, String reason) {
    ServerWebSocket ws = attached(role);
    vertx.runOnContext(v -> ws.close(code, reason));
  }

  /** Sends a raw message to the role's agent (to test malformed input). */
  public void sendRaw(String role, Buffer binary) {
    ServerWebSocket ws = attached(role);
    vertx.runOnContext(v -> ws.writeBinaryMessage(binary));
  }

  private ServerWebSocket attached(String role) {
    Awaitility.await().until(() -> connected(role));
    return sockets.get(role);
  }

  private void onRequest(HttpServerRequest request) {
    Matcher m = PATH.matcher(request.path());
    if (!m.matches()) {
      refuse(request, new Refusal(404, "not_found", "no such route"));
      return;
    }
    String role = m.group(2);
    String ticket = bearer(request.getHeader("Authorization"));
    String resume = request.getHeader("X-Crabbox-Resume-Secret");
    String offered = request.getHeader("Sec-WebSocket-Protocol");
    Queue<Refusal> queued = refusals.get(role);
    Refusal refusal = queued == null ? null : queued.poll();
    if (refusal == null) {
      refusal = checkCredential(role, ticket, resume);
    }
    if (refusal != null) {
      upgrades.add(new Upgrade(role, ticket, resume, offered, refusal.status(), null));
      refuse(request, refusal);
      return;
    }
    String secret = "resume-" + UUID.randomUUID();
    resumeSecrets.put(role, secret);
    request.response().headers()
        .set("X-Crabbox-Lease-Id", LEASE_ID)
        .set("X-Crabbox-Egress-Session", SESSION_ID)
        .set("X-Crabbox-Resume-Secret", secret);
    upgrades.add(new Upgrade(role, ticket, resume, offered, 101, secret));
    request.toWebSocket().onSuccess(ws -> attach(role, ws));
  }

  private Refusal checkCredential(String role, String ticket, String resume) {
    if (resume != null) {
      String expected = resumeSecrets.get(role);
      if (expected != null && expected.equals(resume)) {
        resumeSecrets.remove(role);
        return null;
      }
      return new Refusal(401, "egress_ticket_required", "unknown or reused resume secret");
    }
    if (ticket == null || !ticket.startsWith("ticket-") || usedTickets.putIfAbsent(ticket, true) != null) {
      return new Refusal(401, "egress_ticket_required", "missing, unknown or reused ticket");
    }
    return null;
  }

  private void attach(String role, ServerWebSocket ws) {
    ServerWebSocket older = sockets.put(role, ws);
    if (older != null && !older.isClosed()) {
      older.close((short) 1012, "replaced by a newer egress session");
    }
    String peerRole = role.equals("host") ? "client" : "host";
    V1Codec v1 = new V1Codec();
    ws.binaryMessageHandler(message -> {
      ServerWebSocket peer = livePeer(peerRole);
      if (peer != null) {
        peer.writeBinaryMessage(message);
        pushBack(ws, peer);
      } else if (role.equals("client") && V2Codec.peekType(message.getBytes()).orElse(null) == FrameType.OPEN) {
        int stream = V2Codec.peekStream(message.getBytes());
        ws.writeBinaryMessage(Buffer.buffer(V2Codec.encode(new Frame.Error(stream, "host agent not connected"))));
      }
    });
    ws.textMessageHandler(message -> {
      ServerWebSocket peer = livePeer(peerRole);
      if (peer != null) {
        peer.writeTextMessage(message);
        pushBack(ws, peer);
      } else if (role.equals("client")) {
        try {
          Frame frame = v1.decode(message);
          if (frame instanceof Frame.Open open) {
            v1.encode(new Frame.Error(open.stream(), "host agent not connected")).ifPresent(ws::writeTextMessage);
          }
        } catch (FrameDecodeException ignored) {
          // Malformed input is the agent's problem to test, not the relay's.
        }
      }
    });
    ws.closeHandler(v -> sockets.remove(role, ws));
  }

  private ServerWebSocket livePeer(String role) {
    ServerWebSocket peer = sockets.get(role);
    return peer != null && !peer.isClosed() ? peer : null;
  }

  /** Pause the sender while the receiver's write queue is full. */
  private static void pushBack(ServerWebSocket from, ServerWebSocket to) {
    if (to.writeQueueFull()) {
      from.pause();
      to.drainHandler(v -> from.resume());
    }
  }

  private static void refuse(HttpServerRequest request, Refusal refusal) {
    request.response()
        .setStatusCode(refusal.status())
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", refusal.code()).put("message", refusal.message()).encode());
  }

  private static String bearer(String authorization) {
    return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
  }
}
