package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.store.BridgeRole;

/**
 * An authorized bridge upgrade: which lease, session and role the socket joins, the fresh
 * resume secret to hand back in the 101 response, and the holder: the caller who minted the
 * ticket the socket (or the socket it resumes) was opened with; {@code null} when unknown (a
 * secret from before holders were recorded, or a socket relayed from the node that tracks it).
 */
public record BridgeGrant(String leaseId, String slug, String sessionId, BridgeRole role,
    String resumeSecret, Caller holder) {

  /** A grant whose holder another node tracks (the relayed end of a cross-node socket). */
  public BridgeGrant(String leaseId, String slug, String sessionId, BridgeRole role,
      String resumeSecret) {
    this(leaseId, slug, sessionId, role, resumeSecret, null);
  }

  @Override
  public String toString() {
    return "BridgeGrant[lease=" + leaseId + ", session=" + sessionId + ", role=" + role.wire() + "]";
  }
}
