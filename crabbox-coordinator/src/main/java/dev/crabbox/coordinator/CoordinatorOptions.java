package dev.crabbox.coordinator;

import dev.crabbox.coordinator.provider.BuiltInProviders;
import dev.crabbox.coordinator.provider.ProviderFactory;
import dev.crabbox.coordinator.store.PostgresUrl;
import dev.crabbox.coordinator.store.StoreKind;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one coordinator. Fluent setters; every setting has a working default, so
 * {@code new CoordinatorVerticle(new CoordinatorOptions())} serves on 127.0.0.1:8420 from
 * {@code ~/.local/share/crabbox/coordinator}.
 */
public final class CoordinatorOptions {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8420;
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(15);
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(90);
  public static final Duration DEFAULT_LEASE_IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration DEFAULT_TICKET_TTL = Duration.ofSeconds(120);
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  /** A run keeps the last 8 MiB of its log. */
  public static final Duration DEFAULT_PROVISION_TIMEOUT = Duration.ofMinutes(20);
  public static final long DEFAULT_RUN_LOG_LIMIT = 8L * 1024 * 1024;

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private Path dataDir = defaultDataDir();
  private StoreKind store = StoreKind.H2;
  private PostgresUrl postgresUrl;
  private Path tlsCertPath;
  private Path tlsKeyPath;
  private Clock clock = Clock.systemUTC();
  private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
  private Duration leaseTtl = DEFAULT_LEASE_TTL;
  private Duration leaseIdleTimeout = DEFAULT_LEASE_IDLE_TIMEOUT;
  private Duration ticketTtl = DEFAULT_TICKET_TTL;
  private boolean ticketQueryFallback = true;
  private Duration pingInterval = DEFAULT_PING_INTERVAL;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private final List<RouteContributor> routeContributors = new ArrayList<>();
  private String publicUrl;
  private long runLogLimit = DEFAULT_RUN_LOG_LIMIT;
  private JsonObject providersConfig = new JsonObject();
  private Map<String, String> env = System.getenv();
  private List<ProviderFactory> providerFactories = BuiltInProviders.factories();
  private Duration provisionTimeout = DEFAULT_PROVISION_TIMEOUT;

  /** {@code ~/.local/share/crabbox/coordinator}. */
  public static Path defaultDataDir() {
    return Paths.get(System.getProperty("user.home"), ".local", "share", "crabbox", "coordinator");
  }

  /** Interface to listen on; 127.0.0.1 by default, {@code --host} may widen it. */
  public String getHost() {
    return host;
  }

  public CoordinatorOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** TCP port; 0 picks a free one (tests), see {@link CoordinatorVerticle#actualPort()}. */
  public int getPort() {
    return port;
  }

  public CoordinatorOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.port = port;
    return this;
  }

  /** Directory of the database, signing key and admin token. */
  public Path getDataDir() {
    return dataDir;
  }

  public CoordinatorOptions setDataDir(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    return this;
  }

  /** Where leases, runs and credentials live: embedded H2 in the data directory by default. */
  public StoreKind getStore() {
    return store;
  }

  public CoordinatorOptions setStore(StoreKind store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** The PostgreSQL server of {@link StoreKind#POSTGRES} (with its password, if it needs one). */
  public PostgresUrl getPostgresUrl() {
    return postgresUrl;
  }

  public CoordinatorOptions setPostgresUrl(PostgresUrl postgresUrl) {
    this.postgresUrl = postgresUrl;
    return this;
  }

  /** The store for people and logs (never a password). */
  public String describeStore() {
    return store == StoreKind.POSTGRES ? "PostgreSQL " + postgresUrl : "H2 in " + dataDir;
  }

  /** PEM certificate (chain) for https/wss; set together with {@link #setTlsKeyPath}. */
  public Path getTlsCertPath() {
    return tlsCertPath;
  }

  public CoordinatorOptions setTlsCertPath(Path tlsCertPath) {
    this.tlsCertPath = tlsCertPath;
    return this;
  }

  /** PEM private key (PKCS#8 or PKCS#1) matching {@link #getTlsCertPath()}. */
  public Path getTlsKeyPath() {
    return tlsKeyPath;
  }

  public CoordinatorOptions setTlsKeyPath(Path tlsKeyPath) {
    this.tlsKeyPath = tlsKeyPath;
    return this;
  }

  public boolean isTls() {
    return tlsCertPath != null && tlsKeyPath != null;
  }

  /** Time source for leases, tickets and token issue times (tests inject a movable clock). */
  public Clock getClock() {
    return clock;
  }

  public CoordinatorOptions setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** How often expired leases are looked for. */
  public Duration getSweepInterval() {
    return sweepInterval;
  }

  public CoordinatorOptions setSweepInterval(Duration sweepInterval) {
    this.sweepInterval = positive(sweepInterval, "sweepInterval");
    return this;
  }

  /** Longest life of a lease from creation (90 min). */
  public Duration getLeaseTtl() {
    return leaseTtl;
  }

  public CoordinatorOptions setLeaseTtl(Duration leaseTtl) {
    this.leaseTtl = positive(leaseTtl, "leaseTtl");
    return this;
  }

  /** A lease not touched for this long expires (30 min). */
  public Duration getLeaseIdleTimeout() {
    return leaseIdleTimeout;
  }

  public CoordinatorOptions setLeaseIdleTimeout(Duration leaseIdleTimeout) {
    this.leaseIdleTimeout = positive(leaseIdleTimeout, "leaseIdleTimeout");
    return this;
  }

  /** Life of an unused egress ticket (120 s). */
  public Duration getTicketTtl() {
    return ticketTtl;
  }

  public CoordinatorOptions setTicketTtl(Duration ticketTtl) {
    this.ticketTtl = positive(ticketTtl, "ticketTtl");
    return this;
  }

  /** Whether bridge upgrades may carry the ticket as {@code ?ticket=} (older clients; on by default). */
  public boolean isTicketQueryFallback() {
    return ticketQueryFallback;
  }

  public CoordinatorOptions setTicketQueryFallback(boolean ticketQueryFallback) {
    this.ticketQueryFallback = ticketQueryFallback;
    return this;
  }

  /** WebSocket ping period on bridge sockets (20 s). */
  public Duration getPingInterval() {
    return pingInterval;
  }

  public CoordinatorOptions setPingInterval(Duration pingInterval) {
    this.pingInterval = positive(pingInterval, "pingInterval");
    return this;
  }

  /** A bridge peer silent for this long is closed (60 s). */
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  public CoordinatorOptions setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = positive(idleTimeout, "idleTimeout");
    return this;
  }

  /** Extra routes mounted on the coordinator's router, e.g. the portal. */
  public List<RouteContributor> getRouteContributors() {
    return List.copyOf(routeContributors);
  }

  public CoordinatorOptions addRouteContributor(RouteContributor contributor) {
    routeContributors.add(Objects.requireNonNull(contributor, "contributor"));
    return this;
  }

  public CoordinatorOptions setRouteContributors(List<RouteContributor> contributors) {
    routeContributors.clear();
    contributors.forEach(this::addRouteContributor);
    return this;
  }

  /** The URL operators and agents reach this coordinator at, when it differs from the listen address. */
  public String getPublicUrl() {
    return publicUrl;
  }

  public CoordinatorOptions setPublicUrl(String publicUrl) {
    this.publicUrl = publicUrl;
    return this;
  }

  /** Bytes of log tail each run retains (8 MiB); older output is trimmed from the front. */
  public long getRunLogLimit() {
    return runLogLimit;
  }

  public CoordinatorOptions setRunLogLimit(long runLogLimit) {
    if (runLogLimit <= 0) {
      throw new IllegalArgumentException("runLogLimit must be positive, got " + runLogLimit);
    }
    this.runLogLimit = runLogLimit;
    return this;
  }

  /** Providers config: {@code {<name>: {...}, bootstrap: {...}}}; empty means defaults only. */
  public JsonObject getProvidersConfig() {
    return providersConfig;
  }

  public CoordinatorOptions setProvidersConfig(JsonObject providersConfig) {
    this.providersConfig = providersConfig == null ? new JsonObject() : providersConfig.copy();
    return this;
  }

  /** Environment the providers read credentials from (the process environment by default). */
  public Map<String, String> getEnv() {
    return env;
  }

  public CoordinatorOptions setEnv(Map<String, String> env) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    return this;
  }

  /** The provider factories, in order; by default every built-in provider. */
  public List<ProviderFactory> getProviderFactories() {
    return providerFactories;
  }

  public CoordinatorOptions setProviderFactories(List<ProviderFactory> factories) {
    this.providerFactories = List.copyOf(factories);
    return this;
  }

  /** Adds a provider factory (embedders, tests) after the built-in ones. */
  public CoordinatorOptions addProviderFactory(ProviderFactory factory) {
    List<ProviderFactory> all = new ArrayList<>(providerFactories);
    all.add(Objects.requireNonNull(factory, "factory"));
    this.providerFactories = List.copyOf(all);
    return this;
  }

  /** A lease still provisioning this long after creation fails (default 20 minutes). */
  public Duration getProvisionTimeout() {
    return provisionTimeout;
  }

  public CoordinatorOptions setProvisionTimeout(Duration provisionTimeout) {
    this.provisionTimeout = positive(provisionTimeout, "provisionTimeout");
    return this;
  }

  /** Checks settings that only make sense together; throws {@link IllegalArgumentException}. */
  public void validate() {
    if ((tlsCertPath == null) != (tlsKeyPath == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key must be given together");
    }
    if (store == StoreKind.POSTGRES && postgresUrl == null) {
      throw new IllegalArgumentException(
          "--store postgres needs --pg-url postgresql://user@host:port/database");
    }
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
