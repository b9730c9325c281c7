package dev.crabbox.agent.host;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.util.List;

/**
 * The default resolver: the operating system's (hosts file, then DNS), called on a worker thread
 * because {@link InetAddress#getAllByName} blocks.
 */
final class SystemHostResolver implements HostResolver {

  private final Vertx vertx;

  SystemHostResolver(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<List<InetAddress>> resolve(String host) {
    return vertx.executeBlocking(() -> List.of(InetAddress.getAllByName(host)), false);
  }
}
