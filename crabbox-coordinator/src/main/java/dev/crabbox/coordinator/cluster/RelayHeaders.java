package dev.crabbox.coordinator.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Headers of the node-to-node relay upgrades (never sent by agents). */
final class RelayHeaders {

  /** The path of the relay upgrade on the owner node. */
  static final String PATH = "/internal/v1/egress/relay";
  /** The path of a lease bridge stream opened on the node that holds the lease's agent. */
  static final String BRIDGE_PATH = "/internal/v1/bridges/relay";
  /** The lease bridge kind (vnc, code) of a bridge stream relay. */
  static final String KIND = "X-Crabbox-Relay-Kind";
  /** The cluster's relay secret: only nodes of this cluster open relay sockets. */
  static final String SECRET = "X-Crabbox-Relay-Secret";
  static final String LEASE = "X-Crabbox-Relay-Lease";
  static final String SLUG = "X-Crabbox-Relay-Slug";
  static final String SESSION = "X-Crabbox-Relay-Session";
  static final String ROLE = "X-Crabbox-Relay-Role";
  /** The node the socket was relayed from, for the owner's logs. */
  static final String FROM = "X-Crabbox-Relay-From";

  private RelayHeaders() {}

  /** Whether {@code presented} is the cluster's relay secret, compared in constant time. */
  static boolean secretMatches(String relaySecret, String presented) {
    return presented != null && MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), relaySecret.getBytes(StandardCharsets.UTF_8));
  }
}
