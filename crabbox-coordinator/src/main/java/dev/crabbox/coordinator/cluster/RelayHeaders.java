package dev.crabbox.coordinator.cluster;

/** Headers of the node-to-node relay upgrade (never sent by agents). */
final class RelayHeaders {

  /** The path of the relay upgrade on the owner node. */
  static final String PATH = "/internal/v1/egress/relay";
  /** The cluster's relay secret: only nodes of this cluster open relay sockets. */
  static final String SECRET = "X-Crabbox-Relay-Secret";
  static final String LEASE = "X-Crabbox-Relay-Lease";
  static final String SLUG = "X-Crabbox-Relay-Slug";
  static final String SESSION = "X-Crabbox-Relay-Session";
  static final String ROLE = "X-Crabbox-Relay-Role";
  /** The node the socket was relayed from, for the owner's logs. */
  static final String FROM = "X-Crabbox-Relay-From";

  private RelayHeaders() {}
}
