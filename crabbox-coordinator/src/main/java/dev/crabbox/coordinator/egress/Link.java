package dev.crabbox.coordinator.egress;

import io.vertx.core.buffer.Buffer;

/**
 * The relay between the host and the client of one session, once both are connected. Called on
 * the sending socket's event loop; implementations write straight to the other socket.
 */
interface Link {

  void onBinary(Peer from, Buffer message);

  void onText(Peer from, String message);

  /**
   * Stops relaying and lifts the read holds this link placed (not those of a newer link or of
   * adoption); later calls are ignored.
   */
  void dispose();

  static Link between(Peer host, Peer client) {
    return host.v2() == client.v2() ? new VerbatimLink(host, client)
        : host.v2() ? new TranslatingLink(client, host) : new TranslatingLink(host, client);
  }
}
