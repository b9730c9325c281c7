package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.bridge.LeaseBridgeStream;
import dev.crabbox.coordinator.bridge.LeaseBridges;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.JsonResponses;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /internal/v1/bridges/relay} on the node that holds a lease's bridge agent: another
 * node of the cluster opens a lease bridge stream here for a caller it has already checked. The
 * caller proves it is a cluster node with the relay secret. The stream is opened through this
 * node's agent only; its failure answers with the same status as a local open (503 no agent, 502
 * nothing listens on the lease port), and its success upgrades to a WebSocket that carries the
 * stream's bytes (see {@link RemoteBridgeStream} for the framing).
 */
final class BridgeRelayRoute {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeRelayRoute.class);

  private final String relaySecret;
  private final LeaseBridges bridges;

  BridgeRelayRoute(String relaySecret, LeaseBridges bridges) {
    this.relaySecret = relaySecret;
    this.bridges = bridges;
  }

  void mount(Router router) {
    router.get(RelayHeaders.BRIDGE_PATH).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!RelayHeaders.secretMatches(relaySecret, request.getHeader(RelayHeaders.SECRET))) {
      JsonResponses.error(ctx.response(), ApiException.forbidden("not a node of this cluster"));
      return;
    }
    String leaseId;
    LeaseBridgeKind kind;
    try {
      leaseId = RelayRoute.required(request, RelayHeaders.LEASE);
      String wire = RelayRoute.required(request, RelayHeaders.KIND);
      kind = LeaseBridgeKind.parse(wire).orElseThrow(() -> new IllegalArgumentException(
          "relay kind must be vnc or code, not " + wire));
    } catch (IllegalArgumentException e) {
      JsonResponses.error(ctx.response(), ApiException.badRequest(e.getMessage()));
      return;
    }
    request.pause();
    bridges.openStreamHere(leaseId, kind)
        .onSuccess(stream -> request.toWebSocket()
            .onSuccess(socket -> {
              LOG.info("{} bridge stream of lease {} opened for node {}", kind.wire(), leaseId,
                  request.getHeader(RelayHeaders.FROM));
              serve(socket, stream);
            })
            .onFailure(failure -> stream.reset("relay upgrade failed")))
        .onFailure(failure -> {
          JsonResponses.error(ctx.response(), failure instanceof ApiException api ? api
              : new ApiException(502, "bridge_target_unavailable", failure.getMessage()));
          request.resume();
        });
  }

  /** Carries {@code stream} over {@code socket} both ways, with backpressure at each hop. */
  private static void serve(ServerWebSocket socket, LeaseBridgeStream stream) {
    RelayedStreamState state = new RelayedStreamState();
    socket.binaryMessageHandler(bytes -> {
      stream.write(bytes);
      WebSocketPipe.holdWhileFull(socket, stream);
    });
    socket.textMessageHandler(text -> {
      if (RemoteBridgeStream.FIN.equals(text)) {
        state.finIn = true;
        stream.end();
        closeWhenDone(socket, state);
      }
    });
    stream.handler(bytes -> {
      socket.writeBinaryMessage(bytes);
      WebSocketPipe.holdWhileFull(stream, socket);
    });
    stream.endHandler(v -> {
      state.finOut = true;
      socket.writeTextMessage(RemoteBridgeStream.FIN);
      closeWhenDone(socket, state);
    });
    stream.exceptionHandler(failure -> {
      state.failed = true;
      socket.close(RemoteBridgeStream.FAILED, RemoteBridgeStream.closeReason(failure.getMessage()));
    });
    socket.closeHandler(v -> {
      if (!state.failed && !(state.finIn && state.finOut)) {
        stream.reset("the relaying node closed the stream");
      }
    });
  }

  private static void closeWhenDone(ServerWebSocket socket, RelayedStreamState state) {
    if (state.finIn && state.finOut) {
      socket.close();
    }
  }

  /** How far a relayed stream got: both half-closes, or a failure of the lease side. */
  private static final class RelayedStreamState {
    boolean finIn;
    boolean finOut;
    boolean failed;
  }
}
