package dev.crabbox.agent.host;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.util.List;

/**
 * Resolves a destination host name once per OPEN. The host agent checks every answer against its
 * destination policy and dials only checked addresses, so a resolver is never asked twice for the
 * same stream. Injectable so tests can return mixed public and private answers.
 */
@FunctionalInterface
public interface HostResolver {

  /** All addresses of {@code host}; fails (e.g. with UnknownHostException) when it has none. */
  Future<List<InetAddress>> resolve(String host);
}
