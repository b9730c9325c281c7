package dev.crabbox.coordinator.bridge;

import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.Future;

/**
 * Lease bridge agents connected to other nodes of a cluster: where this node records its own
 * agents, and how it opens a stream through an agent another node holds. A single coordinator
 * uses {@link #NONE}: no agent is anywhere but here.
 */
public interface RemoteBridges {

  /** No cluster: nothing is recorded and no agent is elsewhere. */
  RemoteBridges NONE = new RemoteBridges() {
    @Override
    public Future<Void> agentConnected(String leaseId, LeaseBridgeKind kind, String agentId) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> agentLeft(String leaseId, LeaseBridgeKind kind, String agentId) {
      return Future.succeededFuture();
    }

    @Override
    public Future<LeaseBridgeStream> openStream(String leaseId, LeaseBridgeKind kind) {
      return Future.failedFuture(LeaseBridges.notConnected(leaseId, kind));
    }

    @Override
    public Future<Boolean> connectedElsewhere(String leaseId, LeaseBridgeKind kind) {
      return Future.succeededFuture(false);
    }
  };

  /** Records that this node now holds agent {@code agentId} of the lease and kind. */
  Future<Void> agentConnected(String leaseId, LeaseBridgeKind kind, String agentId);

  /** Forgets agent {@code agentId}, unless a newer agent (here or elsewhere) took its place. */
  Future<Void> agentLeft(String leaseId, LeaseBridgeKind kind, String agentId);

  /**
   * A stream through the agent another node holds: 503 {@code bridge_unavailable} when no node
   * has one, otherwise what that node answers (502 when the agent cannot reach the port).
   */
  Future<LeaseBridgeStream> openStream(String leaseId, LeaseBridgeKind kind);

  /** Whether another live node holds an agent of the lease and kind. */
  Future<Boolean> connectedElsewhere(String leaseId, LeaseBridgeKind kind);
}
