package dev.crabbox.agent.proxy;

import dev.crabbox.agent.BridgeListener;
import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.bridge.BridgeSettings;
import dev.crabbox.protocol.net.ListenAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Configuration of {@link LeaseProxyVerticle}, the lease-side loopback HTTP proxy. Mutable with
 * fluent setters, Vert.x style; the verticle reads it once at start.
 */
public final class LeaseProxyOptions {

  public static final ListenAddress DEFAULT_LISTEN = new ListenAddress("127.0.0.1", 3128);
  public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(250);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(10);

  private URI coordinator;
  private String lease;
  private String sessionId;
  private ListenAddress listen = DEFAULT_LISTEN;
  private TicketSource ticketSource;
  private WireVersion wireVersion = WireVersion.V2;
  private ClientTls clientTls = ClientTls.system();
  private Duration openTimeout = DEFAULT_OPEN_TIMEOUT;
  private Duration pingInterval = DEFAULT_PING_INTERVAL;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private Duration reconnectBackoffMin = DEFAULT_BACKOFF_MIN;
  private Duration reconnectBackoffMax = DEFAULT_BACKOFF_MAX;
  private BridgeListener bridgeListener = BridgeListener.none();

  public URI getCoordinator() {
    return coordinator;
  }

  /** Coordinator base URL (http/https; the bridge uses ws/wss on it). Required. */
  public LeaseProxyOptions setCoordinator(URI coordinator) {
    this.coordinator = coordinator;
    return this;
  }

  public String getLease() {
    return lease;
  }

  /** Lease id or slug. Required. */
  public LeaseProxyOptions setLease(String lease) {
    this.lease = lease;
    return this;
  }

  public String getSessionId() {
    return sessionId;
  }

  /** The egress session the ticket was minted for; null joins the lease's current session. */
  public LeaseProxyOptions setSessionId(String sessionId) {
    this.sessionId = sessionId;
    return this;
  }

  public ListenAddress getListen() {
    return listen;
  }

  /** Loopback address to listen on. Default 127.0.0.1:3128; port 0 picks a free port. */
  public LeaseProxyOptions setListen(ListenAddress listen) {
    this.listen = listen;
    return this;
  }

  public TicketSource getTicketSource() {
    return ticketSource;
  }

  /** Where upgrade tickets come from. Required. */
  public LeaseProxyOptions setTicketSource(TicketSource ticketSource) {
    this.ticketSource = ticketSource;
    return this;
  }

  public WireVersion getWireVersion() {
    return wireVersion;
  }

  /** V2 (default) offers binary frames; V1 forces JSON frames. */
  public LeaseProxyOptions setWireVersion(WireVersion wireVersion) {
    this.wireVersion = wireVersion;
    return this;
  }

  public ClientTls getClientTls() {
    return clientTls;
  }

  /** Trust settings for an https coordinator. Default: the JVM's CAs. */
  public LeaseProxyOptions setClientTls(ClientTls clientTls) {
    this.clientTls = clientTls;
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

  public Duration getPingInterval() {
    return pingInterval;
  }

  /** WebSocket ping interval. Default 20 s. */
  public LeaseProxyOptions setPingInterval(Duration pingInterval) {
    this.pingInterval = pingInterval;
    return this;
  }

  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  /** A coordinator silent this long is disconnected (then reconnected). Default 60 s. */
  public LeaseProxyOptions setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
    return this;
  }

  public Duration getReconnectBackoffMin() {
    return reconnectBackoffMin;
  }

  /** First reconnect delay; doubles per failed attempt. Default 250 ms. */
  public LeaseProxyOptions setReconnectBackoffMin(Duration reconnectBackoffMin) {
    this.reconnectBackoffMin = reconnectBackoffMin;
    return this;
  }

  public Duration getReconnectBackoffMax() {
    return reconnectBackoffMax;
  }

  /** Longest reconnect delay. Default 10 s. */
  public LeaseProxyOptions setReconnectBackoffMax(Duration reconnectBackoffMax) {
    this.reconnectBackoffMax = reconnectBackoffMax;
    return this;
  }

  public BridgeListener getBridgeListener() {
    return bridgeListener;
  }

  /** Notified of connects, drops and the fatal end, on the verticle's context (for banners). */
  public LeaseProxyOptions setBridgeListener(BridgeListener bridgeListener) {
    this.bridgeListener = bridgeListener;
    return this;
  }

  BridgeSettings bridgeSettings(BridgeListener listener) {
    return new BridgeSettings(coordinator, lease, BridgeSettings.ROLE_CLIENT, sessionId, ticketSource,
        wireVersion, clientTls, pingInterval, idleTimeout, reconnectBackoffMin, reconnectBackoffMax, listener);
  }
}
