package dev.crabbox.coordinator.lease;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.egress.CloseReasons;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseShares;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's live sockets of each lease with the caller each was opened for (the minter of the
 * agent's ticket, or the portal user of a browser relay) and the access that socket needs. When a
 * lease's shares change every node asks it which of its sockets lost that access and closes them:
 * egress sockets need manage (minting egress tickets does), lease bridge agents and portal relays
 * need use. Owners and admins always manage, so their sockets never go. Thread-safe: sockets
 * register from any event loop.
 */
public final class LeaseSockets {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseSockets.class);

  /** One open socket as the registry sees it. */
  public interface LiveSocket {

    /** Already closed (the registry then forgets it). */
    boolean closed();

    /** Closes the socket because its caller lost access; {@code reason} is the close text. */
    void revoke(String reason);

    /** A WebSocket: closed with 1008 and the reason. */
    static LiveSocket of(ServerWebSocket ws) {
      return new LiveSocket() {
        @Override
        public boolean closed() {
          return ws.isClosed();
        }

        @Override
        public void revoke(String reason) {
          ws.close(CloseReasons.LEASE_OVER_CODE, reason);
        }
      };
    }
  }

  private record Entry(Caller caller, Access needs, LiveSocket socket) {
  }

  private final Map<String, Set<Entry>> byLease = new ConcurrentHashMap<>();

  /**
   * Tracks {@code socket} of lease {@code leaseId}, open for {@code caller} as long as the caller
   * keeps {@code needs} ({@link Access#USE} or {@link Access#MANAGE}) on the lease.
   */
  public void register(String leaseId, Caller caller, Access needs, LiveSocket socket) {
    Set<Entry> sockets = byLease.computeIfAbsent(leaseId, id -> ConcurrentHashMap.newKeySet());
    sockets.removeIf(entry -> entry.socket().closed());
    sockets.add(new Entry(caller, needs, socket));
  }

  /** Whether this node holds any tracked socket of the lease (then it is worth reading shares). */
  public boolean tracks(String leaseId) {
    Set<Entry> sockets = byLease.get(leaseId);
    return sockets != null && sockets.stream().anyMatch(entry -> !entry.socket().closed());
  }

  /**
   * Closes the lease's sockets whose caller no longer has the access they need under
   * {@code shares}; returns how many it closed.
   */
  public int revokeLost(LeaseRecord lease, LeaseShares shares) {
    Set<Entry> sockets = byLease.get(lease.id());
    if (sockets == null) {
      return 0;
    }
    int revoked = 0;
    for (Entry entry : sockets) {
      if (entry.socket().closed()) {
        sockets.remove(entry);
      } else if (Access.of(entry.caller(), lease, shares).ordinal() < entry.needs().ordinal()) {
        sockets.remove(entry);
        LOG.info("closing a socket of lease {} held by {}: access revoked", lease.id(),
            entry.caller().owner());
        entry.socket().revoke(CloseReasons.ACCESS_REVOKED);
        revoked++;
      }
    }
    return revoked;
  }

  /** Forgets the lease's sockets (it ended: they close with the lease). */
  public void forget(String leaseId) {
    byLease.remove(leaseId);
  }
}
