package dev.crabbox.coordinator.cluster;

import io.vertx.core.Future;
import io.vertx.core.shareddata.AsyncMap;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The cluster-wide record of which node owns each lease's current egress session: lease id to
 * {@code sessionId/nodeId} in a Hazelcast map. Changes are compare-and-set, so two nodes racing
 * for a session (or for the session of a dead owner) agree on one winner.
 */
final class SessionOwners {

  static final String MAP = "crabbox.egress.owners";
  private static final int ATTEMPTS = 8;

  /** A session and the node that runs its actor. */
  record Owner(String sessionId, String nodeId) {

    String encode() {
      return sessionId + "/" + nodeId;
    }

    static Owner decode(String value) {
      int slash = value.indexOf('/');
      return new Owner(value.substring(0, slash), value.substring(slash + 1));
    }
  }

  private final AsyncMap<String, String> map;
  private final String self;
  private final Predicate<String> alive;

  SessionOwners(AsyncMap<String, String> map, String self, Predicate<String> alive) {
    this.map = map;
    this.self = self;
    this.alive = alive;
  }

  /**
   * The owner of the lease's session {@code sessionId}: its recorded owner while that node lives,
   * else this node (a first socket, a new session, or the owner died).
   */
  Future<Owner> claim(String leaseId, String sessionId) {
    return claim(leaseId, sessionId, ATTEMPTS);
  }

  private Future<Owner> claim(String leaseId, String sessionId, int attempts) {
    if (attempts == 0) {
      return Future.failedFuture(new IllegalStateException("egress session " + sessionId
          + " of lease " + leaseId + " keeps changing owner"));
    }
    Owner mine = new Owner(sessionId, self);
    return map.get(leaseId).compose(value -> {
      if (value == null) {
        return map.putIfAbsent(leaseId, mine.encode()).compose(previous -> previous == null
            ? Future.succeededFuture(mine)
            : claim(leaseId, sessionId, attempts - 1));
      }
      Owner recorded = Owner.decode(value);
      if (recorded.sessionId().equals(sessionId) && alive.test(recorded.nodeId())) {
        return Future.succeededFuture(recorded);
      }
      return map.replaceIfPresent(leaseId, value, mine.encode()).compose(replaced -> replaced
          ? Future.succeededFuture(mine)
          : claim(leaseId, sessionId, attempts - 1));
    });
  }

  /** Takes the session over from {@code unreachable}, unless someone else did already. */
  Future<Owner> takeOver(String leaseId, Owner unreachable) {
    Owner mine = new Owner(unreachable.sessionId(), self);
    return map.replaceIfPresent(leaseId, unreachable.encode(), mine.encode())
        .compose(replaced -> replaced ? Future.succeededFuture(mine)
            : claim(leaseId, unreachable.sessionId()));
  }

  /** The recorded owner, if any. */
  Future<Optional<Owner>> current(String leaseId) {
    return map.get(leaseId).map(value -> Optional.ofNullable(value).map(Owner::decode));
  }

  /** Whether this node owns the lease's session {@code sessionId} right now. */
  Future<Boolean> ownedHere(String leaseId, String sessionId) {
    return current(leaseId).map(owner -> owner.isPresent()
        && owner.get().equals(new Owner(sessionId, self)));
  }

  /** The lease is over: no session to own any more. */
  Future<Void> forget(String leaseId) {
    return map.remove(leaseId).mapEmpty();
  }
}
