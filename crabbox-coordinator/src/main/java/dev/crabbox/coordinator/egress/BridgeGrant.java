package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.store.BridgeRole;

/**
 * An authorized bridge upgrade: which lease, session and role the socket joins, and the fresh
 * resume secret to hand back in the 101 response.
 */
public record BridgeGrant(String leaseId, String slug, String sessionId, BridgeRole role,
    String resumeSecret) {

  @Override
  public String toString() {
    return "BridgeGrant[lease=" + leaseId + ", session=" + sessionId + ", role=" + role.wire() + "]";
  }
}
