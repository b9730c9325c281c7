package dev.crabbox.agent;

import dev.crabbox.agent.bridge.BridgeHeaderRules;
import dev.crabbox.agent.bridge.BridgeSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The bridge settings the egress host and the lease proxy share: where the coordinator is, which
 * lease and session to join, how to authenticate and how to keep the WebSocket alive. Mutable with
 * fluent setters, Vert.x style; each setter returns the concrete options type so chains such as
 * {@code new EgressHostOptions().setCoordinator(uri).setAllowlist(allow)} keep their type.
 *
 * @param <T> the concrete options type
 */
public abstract class BridgeAgentOptions<T extends BridgeAgentOptions<T>> {

  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(250);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(10);

  private URI coordinator;
  private String lease;
  private String sessionId;
  private TicketSource ticketSource;
  private WireVersion wireVersion = WireVersion.V2;
  private ClientTls clientTls = ClientTls.system();
  private Duration pingInterval = DEFAULT_PING_INTERVAL;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private Duration reconnectBackoffMin = DEFAULT_BACKOFF_MIN;
  private Duration reconnectBackoffMax = DEFAULT_BACKOFF_MAX;
  private BridgeListener bridgeListener = BridgeListener.none();
  private Map<String, String> coordinatorHeaders = Map.of();

  /** Only the agents' own options types extend this. */
  protected BridgeAgentOptions() {}

  public URI getCoordinator() {
    return coordinator;
  }

  /** Coordinator base URL (http/https; the bridge uses ws/wss on it). Required. */
  public T setCoordinator(URI coordinator) {
    this.coordinator = coordinator;
    return self();
  }

  public String getLease() {
    return lease;
  }

  /** Lease id or slug. Required. */
  public T setLease(String lease) {
    this.lease = lease;
    return self();
  }

  public String getSessionId() {
    return sessionId;
  }

  /** The egress session the ticket was minted for; null joins the lease's current session. */
  public T setSessionId(String sessionId) {
    this.sessionId = sessionId;
    return self();
  }

  public TicketSource getTicketSource() {
    return ticketSource;
  }

  /** Where upgrade tickets come from. Required. */
  public T setTicketSource(TicketSource ticketSource) {
    this.ticketSource = ticketSource;
    return self();
  }

  public WireVersion getWireVersion() {
    return wireVersion;
  }

  /** V2 (default) offers binary frames; V1 forces JSON frames. */
  public T setWireVersion(WireVersion wireVersion) {
    this.wireVersion = wireVersion;
    return self();
  }

  public ClientTls getClientTls() {
    return clientTls;
  }

  /** Trust settings for an https coordinator. Default: the JVM's CAs. */
  public T setClientTls(ClientTls clientTls) {
    this.clientTls = clientTls;
    return self();
  }

  public Duration getPingInterval() {
    return pingInterval;
  }

  /** WebSocket ping interval. Default 20 s. */
  public T setPingInterval(Duration pingInterval) {
    this.pingInterval = pingInterval;
    return self();
  }

  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  /** A coordinator silent this long is disconnected (then reconnected). Default 60 s. */
  public T setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
    return self();
  }

  public Duration getReconnectBackoffMin() {
    return reconnectBackoffMin;
  }

  /** First reconnect delay; doubles per failed attempt. Default 250 ms. */
  public T setReconnectBackoffMin(Duration reconnectBackoffMin) {
    this.reconnectBackoffMin = reconnectBackoffMin;
    return self();
  }

  public Duration getReconnectBackoffMax() {
    return reconnectBackoffMax;
  }

  /** Longest reconnect delay. Default 10 s. */
  public T setReconnectBackoffMax(Duration reconnectBackoffMax) {
    this.reconnectBackoffMax = reconnectBackoffMax;
    return self();
  }

  public BridgeListener getBridgeListener() {
    return bridgeListener;
  }

  /** Notified of connects, drops and the fatal end, on the verticle's context (for banners). */
  public T setBridgeListener(BridgeListener bridgeListener) {
    this.bridgeListener = bridgeListener;
    return self();
  }

  /**
   * Extra headers for the bridge upgrade (an access gateway's service token in front of the
   * coordinator); checked by {@link dev.crabbox.agent.bridge.BridgeHeaderRules}.
   */
  public T setCoordinatorHeaders(Map<String, String> headers) {
    this.coordinatorHeaders = BridgeHeaderRules.extraHeaders(headers);
    return self();
  }

  /** This object as its concrete type, for the fluent setters of subclasses too. */
  @SuppressWarnings("unchecked")
  protected final T self() {
    return (T) this;
  }

  /** The settings of one bridge connection in {@code role}, reporting to {@code listener}. */
  BridgeSettings bridgeSettings(String role, BridgeListener listener) {
    return new BridgeSettings(coordinator, lease, role, sessionId, ticketSource, wireVersion, clientTls,
        pingInterval, idleTimeout, reconnectBackoffMin, reconnectBackoffMax, listener,
        coordinatorHeaders);
  }
}
