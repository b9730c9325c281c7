package dev.crabbox.agent.host;

import io.vertx.core.Future;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Opens the outbound TCP connection to an already resolved and checked address. It must not
 * resolve names. Injectable so tests can record what would be dialled.
 */
@FunctionalInterface
public interface Dialer {

  /**
   * Connects to {@code address:port}; fails when that does not succeed within {@code timeout}
   * (with a {@link java.util.concurrent.TimeoutException} for a timeout). The socket must be
   * delivered on the caller's context.
   */
  Future<NetSocket> dial(InetAddress address, int port, Duration timeout);
}
