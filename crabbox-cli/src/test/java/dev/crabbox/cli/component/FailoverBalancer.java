package dev.crabbox.cli.component;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;

/**
 * A TCP load balancer for tests, as an operator puts in front of a coordinator cluster: each
 * connection goes to the first backend (loopback port) that accepts it, so when one node dies the
 * next connection lands on the next. Bytes are piped both ways with backpressure.
 */
final class FailoverBalancer {

  private final NetClient client;
  private final List<Integer> backends;
  private NetServer server;

  FailoverBalancer(Vertx vertx, List<Integer> backends) {
    this.client = vertx.createNetClient();
    this.backends = List.copyOf(backends);
    this.server = vertx.createNetServer();
  }

  Future<Integer> start() {
    return server.connectHandler(this::route).listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  private void route(NetSocket incoming) {
    incoming.pause();
    connect(0).onSuccess(outgoing -> {
      incoming.pipeTo(outgoing);
      outgoing.pipeTo(incoming);
      incoming.resume();
    }).onFailure(none -> incoming.close());
  }

  private Future<NetSocket> connect(int index) {
    if (index == backends.size()) {
      return Future.failedFuture("no backend accepts connections");
    }
    return client.connect(backends.get(index), "127.0.0.1")
        .recover(refused -> connect(index + 1));
  }

  Future<Void> stop() {
    return server.close().eventually(client::close);
  }
}
