package dev.crabbox.agent.lease;

import dev.crabbox.agent.BridgeAgentOptions;
import dev.crabbox.agent.host.Dialer;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import java.time.Duration;

/**
 * Options of the lease bridge agent: which {@link LeaseBridgeKind} it serves, plus the bridge
 * settings every agent has (coordinator, lease, ticket source, liveness).
 */
public final class LeaseBridgeOptions extends BridgeAgentOptions<LeaseBridgeOptions> {

  public static final Duration DEFAULT_DIAL_TIMEOUT = Duration.ofSeconds(10);

  private LeaseBridgeKind kind;
  private Dialer dialer;
  private Duration dialTimeout = DEFAULT_DIAL_TIMEOUT;

  public LeaseBridgeKind getKind() {
    return kind;
  }

  /** Which loopback service the agent bridges ({@code vnc} → 5900, {@code code} → 8080). Required. */
  public LeaseBridgeOptions setKind(LeaseBridgeKind kind) {
    this.kind = kind;
    return this;
  }

  public Dialer getDialer() {
    return dialer;
  }

  /**
   * How the loopback port is dialled; null (default) uses a Vert.x NetClient. Tests inject a
   * dialer that records the fixed port and reaches a test server instead.
   */
  public LeaseBridgeOptions setDialer(Dialer dialer) {
    this.dialer = dialer;
    return this;
  }

  public Duration getDialTimeout() {
    return dialTimeout;
  }

  /** How long a dial of the loopback port may take. Default 10 s. */
  public LeaseBridgeOptions setDialTimeout(Duration dialTimeout) {
    this.dialTimeout = dialTimeout;
    return this;
  }
}
