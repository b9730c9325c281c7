package dev.crabbox.agent.bridge;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.api.CoordinatorApiException;
import dev.crabbox.protocol.frame.WireLimits;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's bridge to the coordinator: one WebSocket at a time to
 * {@code {coordinator}/v1/leases/{lease}/egress/{role}}, re-established with backoff after a drop.
 *
 * <p>Credentials: the first upgrade presents a ticket ({@code Authorization: Bearer}); every later
 * one presents the single-use resume secret from the previous 101, or — when that is refused and
 * the ticket source can mint — a fresh ticket. A credential that never reached the coordinator
 * (connection refused, TLS failure) is kept for the next attempt. Fatal outcomes (CONTRACTS.md)
 * complete {@link #fatal()} and stop reconnecting.
 *
 * <p>Create and use it on one context (the owning verticle's).
 */
public final class BridgeConnection {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeConnection.class);

  /** Large enough for a full v2 DATA frame in one WebSocket frame. */
  static final int MAX_FRAME_SIZE = 128 * 1024;
  /** A full v1 message plus room for its JSON envelope. */
  static final int MAX_MESSAGE_SIZE = WireLimits.MAX_V1_MESSAGE + 1024;
  /** How long an upgrade may take before it counts as a failed attempt. */
  static final long UPGRADE_TIMEOUT_MS = 20_000;

  private static final Set<Integer> FATAL_UPGRADE_STATUS = Set.of(403, 404, 409, 410);
  private static final short CLOSE_REPLACED = 1012;
  private static final short CLOSE_POLICY = 1008;
  private static final short CLOSE_NORMAL = 1000;

  private final Vertx vertx;
  private final BridgeSettings settings;
  private final LinkHandler handler;
  private final UpgradeTarget target;
  private final Backoff backoff;
  private final UpgradeCredentials credentials;
  private final StreamIds streamIds = new StreamIds();
  private final Promise<BridgeSession> connected = Promise.promise();
  private final Promise<BridgeFailure> fatal = Promise.promise();
  /** The wire to offer; drops to V1 for good if the coordinator refuses the v2 subprotocol. */
  private WireVersion offeredWire;
  private WebSocketClient client;
  private BridgeLink link;
  private BridgeSession session;
  private long retryTimer = -1;
  private boolean stopped;

  public BridgeConnection(Vertx vertx, BridgeSettings settings, LinkHandler handler) {
    this.vertx = vertx;
    this.settings = settings;
    this.handler = handler;
    this.target = UpgradeTarget.of(settings.coordinator(), settings.lease(), settings.role());
    this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax(), new SecureRandom());
    this.offeredWire = settings.wire();
    this.credentials = new UpgradeCredentials(settings.tickets());
  }

  /** Starts connecting; progress is reported through the futures and the listener. */
  public void start() {
    WebSocketClientOptions options = new WebSocketClientOptions()
        .setMaxFrameSize(MAX_FRAME_SIZE)
        .setMaxMessageSize(MAX_MESSAGE_SIZE)
        .setConnectTimeout((int) UPGRADE_TIMEOUT_MS)
        // When we close (idle peer, stop) the peer may be dead: drop TCP right after our close
        // frame instead of waiting for the peer's close handshake.
        .setClosingTimeout(0);
    settings.tls().apply(options);
    client = vertx.createWebSocketClient(options);
    attempt();
  }

  /** Stops reconnecting and closes the current WebSocket. */
  public Future<Void> stop() {
    stopped = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
    }
    if (link != null) {
      link.close(CLOSE_NORMAL, "agent stopping");
    }
    return client == null ? Future.succeededFuture() : client.close();
  }

  /** The open link, or null while disconnected. New streams must use this one. */
  public BridgeLink currentLink() {
    return link != null && link.isOpen() ? link : null;
  }

  /** Completes at the first successful upgrade; fails if the bridge gives up before that. */
  public Future<BridgeSession> connected() {
    return connected.future();
  }

  /** Completes when the bridge gives up for good. */
  public Future<BridgeFailure> fatal() {
    return fatal.future();
  }

  /** The latest session, or null before the first upgrade. */
  public BridgeSession session() {
    return session;
  }

  private void attempt() {
    retryTimer = -1;
    if (stopped || fatal.future().isComplete()) {
      return;
    }
    credentials.next().onComplete(ar -> {
      if (ar.succeeded()) {
        upgrade(ar.result());
      } else {
        onCredentialFailure(ar.cause());
      }
    });
  }

  private void upgrade(UpgradeCredentials.Credential credential) {
    if (stopped) {
      return;
    }
    WebSocketConnectOptions options = target.connectOptions().setTimeout(UPGRADE_TIMEOUT_MS);
    settings.extraHeaders().forEach(options::putHeader);
    if (offeredWire == WireVersion.V2) {
      options.addSubProtocol(WireLimits.SUBPROTOCOL_V2);
    }
    if (credential.resume()) {
      options.putHeader(BridgeHeaders.RESUME_SECRET, credential.value());
    } else {
      options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + credential.value());
    }
    LOG.debug("bridge {}: upgrading at {} with a {}", settings.role(), target,
        credential.resume() ? "resume secret" : "ticket");
    client.connect(options).onComplete(ar -> {
      if (ar.succeeded()) {
        onUpgraded(ar.result());
      } else {
        onUpgradeFailed(ar.cause(), credential);
      }
    });
  }

  private void onUpgraded(WebSocket socket) {
    if (stopped) {
      socket.close(CLOSE_NORMAL, "agent stopping");
      return;
    }
    MultiMap headers = socket.headers();
    credentials.accepted(headers.get(BridgeHeaders.RESUME_SECRET));
    String leaseId = orElse(headers.get(BridgeHeaders.LEASE_ID), settings.lease());
    String sessionId = orElse(headers.get(BridgeHeaders.SESSION), orElse(settings.sessionId(), "-"));
    WireVersion wire = WireLimits.SUBPROTOCOL_V2.equals(socket.subProtocol()) ? WireVersion.V2 : WireVersion.V1;
    BridgeLink fresh = new BridgeLink(vertx, socket, wire, handler, settings, streamIds);
    fresh.onClose(v -> onLinkClosed(fresh));
    link = fresh;
    backoff.reset();
    session = new BridgeSession(leaseId, sessionId, wire, session != null);
    LOG.info("bridge {} connected: lease={} session={} wire={}{}", settings.role(), leaseId, sessionId,
        wire, session.reconnect() ? " (reconnected)" : "");
    settings.listener().onConnected(session);
    connected.tryComplete(session);
  }

  private void onUpgradeFailed(Throwable cause, UpgradeCredentials.Credential credential) {
    if (offeredWire == WireVersion.V2 && isSubprotocolRefusal(cause)) {
      credentials.spent(credential);
      onV2Refused();
      return;
    }
    if (!(cause instanceof UpgradeRejectedException rejected)) {
      credentials.unreached(credential);
      retry("cannot reach the coordinator at " + target + ": " + cause.getMessage());
      return;
    }
    credentials.spent(credential);
    int status = rejected.getStatus();
    String detail = "upgrade refused with HTTP " + status + refusalText(rejected);
    if (status == 401) {
      if (credentials.canMint()) {
        retry(detail + "; minting a new ticket");
      } else {
        giveUp(detail);
      }
    } else if (FATAL_UPGRADE_STATUS.contains(status)) {
      giveUp(detail);
    } else {
      retry(detail);
    }
  }

  /**
   * The coordinator answered 101 without choosing {@code crabbox.egress.v2} (an older coordinator
   * that speaks only v1). Netty refuses such a handshake, so the upgrade cannot simply continue in
   * v1: offer nothing from now on and upgrade again. The 101 consumed the credential, so this needs
   * a fresh ticket.
   */
  private void onV2Refused() {
    offeredWire = WireVersion.V1;
    String detail = "the coordinator did not accept the " + WireLimits.SUBPROTOCOL_V2 + " subprotocol";
    if (credentials.canMint()) {
      retry(detail + "; falling back to v1 JSON frames");
    } else {
      giveUp(detail + " and the ticket is used up; start again in v1 mode (--v1) with a new ticket");
    }
  }

  /** Netty's wording when the 101 chose no subprotocol although one was offered. */
  private static boolean isSubprotocolRefusal(Throwable cause) {
    return cause instanceof WebSocketHandshakeException
        && String.valueOf(cause.getMessage()).startsWith("Invalid subprotocol");
  }

  private void onCredentialFailure(Throwable cause) {
    if (cause instanceof CoordinatorApiException api
        && (api.status() == 401 || FATAL_UPGRADE_STATUS.contains(api.status()))) {
      giveUp("cannot mint an egress ticket: HTTP " + api.status() + " " + api.code() + ": " + api.getMessage());
    } else if (!credentials.canMint()) {
      giveUp("no credential left to connect: " + cause.getMessage());
    } else {
      retry("cannot mint an egress ticket: " + cause.getMessage());
    }
  }

  private void onLinkClosed(BridgeLink closed) {
    if (link == closed) {
      link = null;
    }
    if (stopped) {
      return;
    }
    Short code = closed.closeStatusCode();
    String reason = orElse(closed.closeReason(), "");
    String described = code == null ? "" : code + (reason.isEmpty() ? "" : " " + reason);
    if (code != null && (code == CLOSE_REPLACED || code == CLOSE_POLICY)) {
      giveUp("bridge closed by the coordinator: " + described);
    } else {
      retry("bridge connection closed" + (code == null ? "" : " (" + described + ")"));
    }
  }

  private void retry(String reason) {
    if (stopped || fatal.future().isComplete()) {
      return;
    }
    Duration delay = backoff.next();
    LOG.info("bridge {}: {}; reconnecting in {} ms", settings.role(), reason, delay.toMillis());
    settings.listener().onDisconnected(reason, delay);
    retryTimer = vertx.setTimer(delay.toMillis(), id -> attempt());
  }

  private void giveUp(String message) {
    BridgeFailure failure = new BridgeFailure(message);
    LOG.error("bridge {}: {}; giving up", settings.role(), message);
    if (fatal.tryComplete(failure)) {
      settings.listener().onFatal(failure);
    }
    connected.tryFail(message);
  }

  /** The coordinator's JSON error text, if the refusal carried one. */
  private static String refusalText(UpgradeRejectedException rejected) {
    if (rejected.getBody() == null || rejected.getBody().length() == 0) {
      return "";
    }
    try {
      JsonObject body = new JsonObject(rejected.getBody());
      String code = body.getString("error", "");
      String message = body.getString("message", "");
      return code.isEmpty() && message.isEmpty() ? "" : " (" + code + (message.isEmpty() ? "" : ": " + message) + ")";
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
