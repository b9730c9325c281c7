package dev.crabbox.agent.host;

import dev.crabbox.agent.BridgeListener;
import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.bridge.BridgeSettings;
import dev.crabbox.protocol.allow.Allowlist;
import java.net.URI;
import java.time.Duration;

/**
 * Configuration of {@link EgressHostVerticle}, the operator-side agent that dials the internet for
 * a lease. Mutable with fluent setters, Vert.x style; the verticle reads it once at start.
 */
public final class EgressHostOptions {

  public static final Duration DEFAULT_DIAL_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(250);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(10);

  private URI coordinator;
  private String lease;
  private String sessionId;
  private Allowlist allowlist;
  private String profile;
  private boolean allowPrivateDestinations;
  private TicketSource ticketSource;
  private WireVersion wireVersion = WireVersion.V2;
  private ClientTls clientTls = ClientTls.system();
  private HostResolver resolver;
  private Dialer dialer;
  private Duration dialTimeout = DEFAULT_DIAL_TIMEOUT;
  private Duration pingInterval = DEFAULT_PING_INTERVAL;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private Duration reconnectBackoffMin = DEFAULT_BACKOFF_MIN;
  private Duration reconnectBackoffMax = DEFAULT_BACKOFF_MAX;
  private BridgeListener bridgeListener = BridgeListener.none();

  public URI getCoordinator() {
    return coordinator;
  }

  /** Coordinator base URL (http/https; the bridge uses ws/wss on it). Required. */
  public EgressHostOptions setCoordinator(URI coordinator) {
    this.coordinator = coordinator;
    return this;
  }

  public String getLease() {
    return lease;
  }

  /** Lease id or slug. Required. */
  public EgressHostOptions setLease(String lease) {
    this.lease = lease;
    return this;
  }

  public String getSessionId() {
    return sessionId;
  }

  /** The egress session the ticket was minted for; null joins the lease's current session. */
  public EgressHostOptions setSessionId(String sessionId) {
    this.sessionId = sessionId;
    return this;
  }

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

  public TicketSource getTicketSource() {
    return ticketSource;
  }

  /** Where upgrade tickets come from. Required. */
  public EgressHostOptions setTicketSource(TicketSource ticketSource) {
    this.ticketSource = ticketSource;
    return this;
  }

  public WireVersion getWireVersion() {
    return wireVersion;
  }

  /** V2 (default) offers binary frames; V1 forces JSON frames. */
  public EgressHostOptions setWireVersion(WireVersion wireVersion) {
    this.wireVersion = wireVersion;
    return this;
  }

  public ClientTls getClientTls() {
    return clientTls;
  }

  /** Trust settings for an https coordinator. Default: the JVM's CAs. */
  public EgressHostOptions setClientTls(ClientTls clientTls) {
    this.clientTls = clientTls;
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

  public Duration getPingInterval() {
    return pingInterval;
  }

  /** WebSocket ping interval. Default 20 s. */
  public EgressHostOptions setPingInterval(Duration pingInterval) {
    this.pingInterval = pingInterval;
    return this;
  }

  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  /** A coordinator silent this long is disconnected (then reconnected). Default 60 s. */
  public EgressHostOptions setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
    return this;
  }

  public Duration getReconnectBackoffMin() {
    return reconnectBackoffMin;
  }

  /** First reconnect delay; doubles per failed attempt. Default 250 ms. */
  public EgressHostOptions setReconnectBackoffMin(Duration reconnectBackoffMin) {
    this.reconnectBackoffMin = reconnectBackoffMin;
    return this;
  }

  public Duration getReconnectBackoffMax() {
    return reconnectBackoffMax;
  }

  /** Longest reconnect delay. Default 10 s. */
  public EgressHostOptions setReconnectBackoffMax(Duration reconnectBackoffMax) {
    this.reconnectBackoffMax = reconnectBackoffMax;
    return this;
  }

  public BridgeListener getBridgeListener() {
    return bridgeListener;
  }

  /** Notified of connects, drops and the fatal end, on the verticle's context (for banners). */
  public EgressHostOptions setBridgeListener(BridgeListener bridgeListener) {
    this.bridgeListener = bridgeListener;
    return this;
  }

  BridgeSettings bridgeSettings(BridgeListener listener) {
    return new BridgeSettings(coordinator, lease, BridgeSettings.ROLE_HOST, sessionId, ticketSource,
        wireVersion, clientTls, pingInterval, idleTimeout, reconnectBackoffMin, reconnectBackoffMax, listener);
  }
}
