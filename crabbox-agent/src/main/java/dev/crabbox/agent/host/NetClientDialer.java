package dev.crabbox.agent.host;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The default dialer: a Vert.x NetClient connecting to a resolved {@link InetSocketAddress}, so
 * no name lookup happens on the way (the address is exactly the one that was checked). Shared by
 * the egress host and the lease bridge agent.
 */
public final class NetClientDialer implements Dialer {

  private final NetClient client;

  public NetClientDialer(Vertx vertx) {
    this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
  }

  @Override
  public Future<NetSocket> dial(InetAddress address, int port, Duration timeout) {
    ConnectOptions options = new ConnectOptions()
        .setRemoteAddress(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
        .setTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    return client.connect(options).recover(error -> Future.failedFuture(
        error instanceof io.netty.channel.ConnectTimeoutException
            ? new TimeoutException("no answer within " + timeout.toMillis() + " ms")
            : error));
  }

  /** Closes the underlying client. */
  public Future<Void> close() {
    return client.close();
  }
}
