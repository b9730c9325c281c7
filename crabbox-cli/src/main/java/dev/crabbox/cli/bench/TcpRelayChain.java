package dev.crabbox.cli.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A second baseline for the benchmark: the same number of TCP legs as the egress path (origin ->
 * host -> coordinator -> lease proxy -> client is four connections) made of bare byte relays with
 * backpressure and no framing. Egress through the bridge can approach this, never exceed it; on
 * one machine it shows how much of the gap to direct TCP is the extra hops themselves.
 */
final class TcpRelayChain {
  /** Relays between client and origin: three, like host, coordinator and lease proxy. */
  static final int RELAYS = 3;

  private final Vertx vertx;
  private final NetClient client;
  private final List<NetServer> servers = new ArrayList<>();

  TcpRelayChain(Vertx vertx, NetClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** Starts the relays in front of {@code originPort}; completes with the port to connect to. */
  Future<Integer> start(int originPort) {
    Future<Integer> next = Future.succeededFuture(originPort);
    for (int i = 0; i < RELAYS; i++) {
      next = next.compose(this::relayTo);
    }
    return next;
  }

  private Future<Integer> relayTo(int targetPort) {
    NetServer server = vertx.createNetServer().connectHandler(inbound -> {
      inbound.pause();
      client.connect(targetPort, "127.0.0.1").onComplete(ar -> {
        if (ar.failed()) {
          inbound.close();
          return;
        }
        NetSocket outbound = ar.result();
        inbound.pipeTo(outbound);
        outbound.pipeTo(inbound);
      });
    });
    servers.add(server);
    return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  Future<Void> stop() {
    return Future.all(servers.stream().map(NetServer::close).toList()).mapEmpty();
  }
}
