package dev.crabbox.coordinator.metrics;

import dev.crabbox.coordinator.egress.EgressMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * The coordinator's own counters, in the Prometheus registry that Vert.x's Micrometer metrics
 * use when they are enabled (so {@code /metrics} shows both), else in a registry of its own.
 * Names (Prometheus form): {@code crabbox_egress_sessions_total}, {@code
 * crabbox_egress_streams_total}, {@code crabbox_egress_relayed_bytes_total}, {@code
 * crabbox_egress_cross_node_relays_total}, {@code crabbox_egress_tickets_issued_total}, {@code
 * crabbox_egress_tickets_consumed_total}.
 */
public final class CoordinatorMetrics implements EgressMeter {

  /** Prometheus text format 0.0.4, what every Prometheus server scrapes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final Counter sessions;
  private final Counter streams;
  private final Counter bytes;
  private final Counter crossNodeRelays;
  private final Counter ticketsIssued;
  private final Counter ticketsConsumed;

  private CoordinatorMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.sessions = counter(registry, "crabbox.egress.sessions", "egress session actors started");
    this.streams = counter(registry, "crabbox.egress.streams", "egress streams opened");
    this.bytes = counter(registry, "crabbox.egress.relayed.bytes",
        "bridge message bytes relayed between agents");
    this.crossNodeRelays = counter(registry, "crabbox.egress.cross.node.relays",
        "bridge sockets relayed to the session's owner node");
    this.ticketsIssued = counter(registry, "crabbox.egress.tickets.issued", "egress tickets minted");
    this.ticketsConsumed = counter(registry, "crabbox.egress.tickets.consumed",
        "egress tickets consumed by an upgrade");
  }

  /** The metrics of this process: Vert.x's Prometheus registry when enabled, else a new one. */
  public static CoordinatorMetrics create() {
    MeterRegistry vertxRegistry = BackendRegistries.getDefaultNow();
    return new CoordinatorMetrics(vertxRegistry instanceof PrometheusMeterRegistry prometheus
        ? prometheus
        : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  private static Counter counter(MeterRegistry registry, String name, String help) {
    return Counter.builder(name).description(help).register(registry);
  }

  /** {@code GET /metrics}: everything in Prometheus text format. */
  public Handler<RoutingContext> scrapeHandler() {
    return ctx -> ctx.response().putHeader("content-type", CONTENT_TYPE).end(registry.scrape());
  }

  public MeterRegistry registry() {
    return registry;
  }

  @Override
  public void ticketIssued() {
    ticketsIssued.increment();
  }

  @Override
  public void ticketConsumed() {
    ticketsConsumed.increment();
  }

  @Override
  public void sessionStarted() {
    sessions.increment();
  }

  @Override
  public void relayed(int byteCount, boolean opensStream) {
    bytes.increment(byteCount);
    if (opensStream) {
      streams.increment();
    }
  }

  /** A bridge socket landed on this node and is relayed to its session's owner. */
  public void crossNodeRelay() {
    crossNodeRelays.increment();
  }
}
