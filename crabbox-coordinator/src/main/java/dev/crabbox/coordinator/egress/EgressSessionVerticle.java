package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.store.BridgeRole;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actor of one lease's current egress session: holds at most one host and one client
 * socket, pairs them, replaces an older socket of the same role (1012), closes the partner when
 * one side leaves (1011), pings, closes silent peers, and tears everything down when told to
 * (lease released/expired, session replaced). Session state changes only on this verticle's
 * context; bytes flow socket to socket through the {@link Link}.
 *
 * <p>Control messages arrive on the event bus at {@link #address()}: {@code {"action":"end",
 * "code":1008,"reason":"lease ended"}} and {@code {"action":"status"}} (answers
 * {@code {"hostConnected":..,"clientConnected":..}}).
 */
public final class EgressSessionVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(EgressSessionVerticle.class);

  private final String leaseId;
  private final String sessionId;
  private final String address;
  private final Duration pingInterval;
  private final Duration idleTimeout;
  private final Map<BridgeRole, Peer> peers = new EnumMap<>(BridgeRole.class);
  private final Promise<Void> stopping = Promise.promise();
  private Link link;
  private short endCode;
  private String endReason;
  private long pingTimer = -1;
  private MessageConsumer<JsonObject> control;

  public EgressSessionVerticle(String leaseId, String sessionId, String address,
      Duration pingInterval, Duration idleTimeout) {
    this.leaseId = leaseId;
    this.sessionId = sessionId;
    this.address = address;
    this.pingInterval = pingInterval;
    this.idleTimeout = idleTimeout;
  }

  public String leaseId() {
    return leaseId;
  }

  public String sessionId() {
    return sessionId;
  }

  /** Event-bus address of this actor's control messages. */
  public String address() {
    return address;
  }

  /**
   * Completes when Vert.x starts stopping this actor: undeployed by its registry after an end,
   * or together with the coordinator, whose child it is (Vert.x stops children first). From then
   * on the actor takes no control messages; its stop closes its sockets itself.
   */
  Future<Void> stopping() {
    return stopping.future();
  }

  @Override
  public Future<?> start() {
    pingTimer = vertx.setPeriodic(pingInterval.toMillis(), id -> pingOrExpire());
    control = vertx.eventBus().consumer(address, this::onControl);
    return control.completion();
  }

  /**
   * Closes the sockets (1001 "coordinator shutting down", unless an end already closed them with
   * its own code) and completes once they are closed, so that the coordinator closes its server
   * only after every close handshake.
   */
  @Override
  public Future<?> stop() {
    stopping.complete();
    vertx.cancelTimer(pingTimer);
    Future<Void> sockets = end(CloseReasons.GOING_AWAY_CODE, CloseReasons.SHUTDOWN);
    return control.unregister().eventually(() -> sockets);
  }

  /** Hands a freshly upgraded socket to the session; safe from any thread. */
  void attach(Peer peer) {
    context.runOnContext(v -> adopt(peer));
  }

  /**
   * Takes {@code peer} into the session. Order matters, because the sockets' event loops read
   * concurrently with this actor: the pair is relinked first, so the partner goes straight from
   * the old link to the new one (a frame it reads meanwhile never meets a "no host" gap); the
   * replaced socket is closed only then, since its 1012 tells everyone the newer socket is in
   * place; and the new socket starts reading last, once its link is set (before, its first frame
   * could find no link and be answered "host agent not connected" or dropped).
   */
  private void adopt(Peer peer) {
    if (endReason != null) {
      peer.close(endCode, endReason);
      return;
    }
    Peer older = peers.put(peer.role(), peer);
    if (older != null) {
      older.link(null); // whatever it still sends belongs to streams of the old pair
    }
    relink();
    if (older != null) {
      older.close(CloseReasons.REPLACED_CODE, CloseReasons.REPLACED);
      LOG.info("egress {} of lease {} session {} replaced by a newer socket", peer.role().wire(),
          leaseId, sessionId);
    }
    peer.closed().onComplete(closed -> context.runOnContext(v -> onClosed(peer)));
    peer.adopted();
    LOG.info("egress {} ({}) connected: lease {} session {}", peer.role().wire(),
        peer.v2() ? "v2" : "v1", leaseId, sessionId);
  }

  /**
   * {@code peer}'s socket closed: what it sent before still goes to its partner (relayed by the
   * link, ahead of the partner's close frame), then the pair comes apart, unless the peer was
   * replaced or the session ended meanwhile.
   */
  private void onClosed(Peer peer) {
    if (peers.get(peer.role()) != peer) {
      return;
    }
    peer.readRemaining().onComplete(read -> context.runOnContext(v -> {
      if (peers.get(peer.role()) == peer) {
        LOG.info("egress {} of lease {} session {} disconnected", peer.role().wire(), leaseId,
            sessionId);
        depart(peer);
      }
    }));
  }

  /** {@code peer} is gone: the pair comes apart and the partner is told why (1011). */
  private void depart(Peer peer) {
    unlink();
    peers.remove(peer.role());
    Peer partner = peers.remove(peer.role().other());
    if (partner != null) {
      partner.close(CloseReasons.PEER_LEFT_CODE, CloseReasons.peerLeft(peer.role()));
    }
  }

  /** Links the current host and client, or unlinks the one peer left. */
  private void relink() {
    Peer host = peers.get(BridgeRole.HOST);
    Peer client = peers.get(BridgeRole.CLIENT);
    swapLink(host != null && client != null ? Link.between(host, client) : null);
  }

  private void unlink() {
    swapLink(null);
  }

  /**
   * Points the peers at {@code next}, then disposes the previous link. In this order a frame a
   * peer reads after the swap always meets the new link (or none, between pairs); only one read
   * before it can still meet the old link, which then relays it to the old partner or drops it.
   */
  private void swapLink(Link next) {
    Link previous = link;
    link = next;
    peers.values().forEach(p -> p.link(next));
    if (previous != null) {
      previous.dispose();
    }
  }

  /**
   * Closes both sockets for good; later attaches are closed the same way. Completes when the
   * sockets are closed.
   */
  private Future<Void> end(short code, String reason) {
    if (endReason == null) {
      endCode = code;
      endReason = reason;
    }
    unlink();
    List<Future<Void>> closed = new ArrayList<>();
    peers.values().forEach(p -> closed.add(p.close(code, reason)));
    peers.clear();
    return Future.join(closed).mapEmpty();
  }

  private void onControl(Message<JsonObject> message) {
    JsonObject body = message.body();
    String action = body.getString("action", "");
    if ("end".equals(action)) {
      end(body.getInteger("code", (int) CloseReasons.GOING_AWAY_CODE).shortValue(),
          body.getString("reason", CloseReasons.SHUTDOWN))
          .onComplete(closed -> message.reply(new JsonObject().put("ended", true)));
    } else if ("status".equals(action)) {
      message.reply(new JsonObject()
          .put("hostConnected", connected(BridgeRole.HOST))
          .put("clientConnected", connected(BridgeRole.CLIENT)));
    } else {
      message.fail(400, "unknown action " + action);
    }
  }

  private boolean connected(BridgeRole role) {
    Peer peer = peers.get(role);
    return peer != null && peer.isOpen();
  }

  private void pingOrExpire() {
    long now = System.nanoTime();
    for (Peer peer : peers.values().toArray(new Peer[0])) {
      if (peers.get(peer.role()) != peer) {
        continue; // closed as the partner of a silent peer earlier in this loop
      }
      if (now - peer.lastSeenNanos() > idleTimeout.toNanos()) {
        LOG.info("egress {} of lease {} silent for {} ms; closing", peer.role().wire(), leaseId,
            idleTimeout.toMillis());
        // A silent peer will not answer the close handshake either: it leaves now.
        peer.close(CloseReasons.GOING_AWAY_CODE, CloseReasons.IDLE);
        depart(peer);
      } else {
        peer.ping();
      }
    }
  }
}
