package dev.crabbox.coordinator.egress;

import io.vertx.core.http.ServerWebSocket;

/**
 * Where an authorized bridge socket goes once upgraded: the session actor on this node, or (in a
 * cluster) a relay to the node that owns the session. Called on the socket's event loop.
 */
public interface SessionEndpoint {

  /** Hands the freshly upgraded {@code socket}, authorized by {@code grant}, to the session. */
  void attach(BridgeGrant grant, ServerWebSocket socket);
}
