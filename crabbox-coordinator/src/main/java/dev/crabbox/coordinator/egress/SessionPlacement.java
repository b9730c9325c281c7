package dev.crabbox.coordinator.egress;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Which node runs a lease's session actor. A single coordinator runs every actor itself
 * ({@link #local(EgressSessions)}); a clustered one records one owner node per session and relays
 * sockets that land elsewhere. Called on the coordinator verticle's context.
 */
public interface SessionPlacement {

  /** Where a socket of the lease's session {@code sessionId} goes. */
  Future<SessionEndpoint> endpoint(String leaseId, String sessionId);

  /** A new session became current: the old session's sockets go (1012), wherever they are. */
  void sessionChanged(String leaseId, String currentSessionId);

  /** Live sockets of the lease's session {@code sessionId}, wherever its actor runs. */
  Future<EgressSessions.Liveness> liveness(String leaseId, String sessionId);

  /**
   * Runs {@code work} (choosing or joining the lease's session) while no other node does the same
   * for the lease; the caller already serializes it on this node. A single node has nothing to add.
   */
  default <T> Future<T> exclusive(String leaseId, Supplier<Future<T>> work) {
    return work.get();
  }

  /** Every session actor runs on this node. */
  static SessionPlacement local(EgressSessions sessions) {
    return new SessionPlacement() {
      @Override
      public Future<SessionEndpoint> endpoint(String leaseId, String sessionId) {
        return sessions.actorFor(leaseId, sessionId)
            .map(actor -> (grant, socket) -> actor.attach(Peer.accept(grant, socket,
                sessions.meter())));
      }

      @Override
      public void sessionChanged(String leaseId, String currentSessionId) {
        sessions.sessionChanged(leaseId, currentSessionId);
      }

      @Override
      public Future<EgressSessions.Liveness> liveness(String leaseId, String sessionId) {
        return sessions.liveness(leaseId, sessionId);
      }
    };
  }
}
