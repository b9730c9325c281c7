package dev.crabbox.agent.host;

import dev.crabbox.agent.BridgeAgentOptions;
import dev.crabbox.protocol.allow.Allowlist;
import java.time.Duration;

/**
 * Configuration of {@link EgressHostVerticle}, the operator-side agent that dials the internet for
 * a lease: the shared bridge settings of {@link BridgeAgentOptions} plus what and how it may dial.
 * Mutable with fluent setters, Vert.x style; the verticle reads it once at start.
 */
public final class EgressHostOptions extends BridgeAgentOptions<EgressHostOptions> {

  public static final Duration DEFAULT_DIAL_TIMEOUT = Duration.ofSeconds(15);

  private Allowlist allowlist;
  private String profile;
  private boolean allowPrivateDestinations;
  private HostResolver resolver;
  private Dialer dialer;
  private Duration dialTimeout = DEFAULT_DIAL_TIMEOUT;

  public Allowlist getAllowlist() {
    return allowlist;
  }

  /** Destinations the host may dial. Required and non-empty: the host is never an open proxy. */
  public EgressHostOptions setAllowlist(Allowlist allowlist) {
    this.allowlist = allowlist;
    return this;
  }

  public String getProfile() {
    return profile;
  }

  /** Profile label(s) for banners and status, e.g. {@code discord}; null when none. */
  public EgressHostOptions setProfile(String profile) {
    this.profile = profile;
    return this;
  }

  public boolean isAllowPrivateDestinations() {
    return allowPrivateDestinations;
  }

  /**
   * Lets the host dial private, loopback and other non-public addresses — for tests and local
   * demos only ({@code --allow-private-destinations}). Default false: public addresses only.
   */
  public EgressHostOptions setAllowPrivateDestinations(boolean allowPrivateDestinations) {
    this.allowPrivateDestinations = allowPrivateDestinations;
    return this;
  }

  public HostResolver getResolver() {
    return resolver;
  }

  /** Name resolution; null (default) uses the system resolver on a worker thread. */
  public EgressHostOptions setResolver(HostResolver resolver) {
    this.resolver = resolver;
    return this;
  }

  public Dialer getDialer() {
    return dialer;
  }

  /** Outbound connections; null (default) uses a Vert.x NetClient. */
  public EgressHostOptions setDialer(Dialer dialer) {
    this.dialer = dialer;
    return this;
  }

  public Duration getDialTimeout() {
    return dialTimeout;
  }

  /** How long one dial may take. Default 15 s. */
  public EgressHostOptions setDialTimeout(Duration dialTimeout) {
    this.dialTimeout = dialTimeout;
    return this;
  }
}
