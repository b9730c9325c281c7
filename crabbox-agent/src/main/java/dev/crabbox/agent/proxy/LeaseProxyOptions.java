package dev.crabbox.agent.proxy;

import dev.crabbox.agent.BridgeAgentOptions;
import dev.crabbox.protocol.net.ListenAddress;
import java.time.Duration;

/**
 * Configuration of {@link LeaseProxyVerticle}, the lease-side loopback HTTP proxy: the shared
 * bridge settings of {@link BridgeAgentOptions} plus where to listen and how long an open may take.
 * Mutable with fluent setters, Vert.x style; the verticle reads it once at start.
 */
public final class LeaseProxyOptions extends BridgeAgentOptions<LeaseProxyOptions> {

  public static final ListenAddress DEFAULT_LISTEN = new ListenAddress("127.0.0.1", 3128);
  public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofSeconds(20);

  private ListenAddress listen = DEFAULT_LISTEN;
  private Duration openTimeout = DEFAULT_OPEN_TIMEOUT;

  public ListenAddress getListen() {
    return listen;
  }

  /** Loopback address to listen on. Default 127.0.0.1:3128; port 0 picks a free port. */
  public LeaseProxyOptions setListen(ListenAddress listen) {
    this.listen = listen;
    return this;
  }

  public Duration getOpenTimeout() {
    return openTimeout;
  }

  /** How long the proxy waits for the host's OPEN_OK before answering 504. Default 20 s. */
  public LeaseProxyOptions setOpenTimeout(Duration openTimeout) {
    this.openTimeout = openTimeout;
    return this;
  }
}
