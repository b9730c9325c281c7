package dev.crabbox.agent.testing;

import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.host.EgressHostOptions;
import dev.crabbox.agent.host.EgressHostVerticle;
import dev.crabbox.agent.proxy.LeaseProxyOptions;
import dev.crabbox.agent.proxy.LeaseProxyVerticle;
import dev.crabbox.protocol.allow.Allowlist;
import dev.crabbox.protocol.allow.AllowlistException;
import dev.crabbox.protocol.net.ListenAddress;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The test relay plus an egress host and a lease proxy wired to it, deployed in one Vert.x
 * instance. Defaults: allowlist {@code *.test}, private destinations allowed (origins live on
 * loopback), every {@code *.test} name resolving to 127.0.0.1, short reconnect backoff.
 * Tweaks adjust the options before deployment.
 */
public final class EgressRig {

  private static final AtomicInteger TICKETS = new AtomicInteger();

  public final Vertx vertx;
  public final TestRelay relay;
  public final EgressHostVerticle host;
  public final LeaseProxyVerticle proxy;

  private EgressRig(Vertx vertx, TestRelay relay, EgressHostVerticle host, LeaseProxyVerticle proxy) {
    this.vertx = vertx;
    this.relay = relay;
    this.host = host;
    this.proxy = proxy;
  }

  /** Relay, host and proxy with default options, both agents connected. */
  public static EgressRig start(Vertx vertx) {
    return start(vertx, h -> { }, p -> { });
  }

  /** Relay, host and proxy; both agents connected. */
  public static EgressRig start(Vertx vertx, Consumer<EgressHostOptions> hostTweaks,
      Consumer<LeaseProxyOptions> proxyTweaks) {
    TestRelay relay = new TestRelay(vertx).start().await();
    EgressHostOptions hostOptions = hostOptions(relay);
    hostTweaks.accept(hostOptions);
    EgressHostVerticle host = new EgressHostVerticle(hostOptions);
    vertx.deployVerticle(host).await();
    host.connected().await();
    LeaseProxyVerticle proxy = deployProxy(vertx, relay, proxyTweaks);
    return new EgressRig(vertx, relay, host, proxy);
  }

  /** Relay and proxy only: no host agent ever connects. */
  public static EgressRig withoutHost(Vertx vertx) {
    TestRelay relay = new TestRelay(vertx).start().await();
    LeaseProxyVerticle proxy = deployProxy(vertx, relay, p -> { });
    return new EgressRig(vertx, relay, null, proxy);
  }

  public int proxyPort() {
    return proxy.actualPort();
  }

  public static EgressHostOptions hostOptions(TestRelay relay) {
    return new EgressHostOptions()
        .setCoordinator(relay.uri())
        .setLease("blue-lobster")
        .setAllowlist(allowlist("*.test"))
        .setProfile("test")
        .setAllowPrivateDestinations(true)
        .setResolver(TestResolvers.loopbackTestDomain())
        .setTicketSource(TicketSource.fixed(newTicket("host")))
        .setReconnectBackoffMin(Duration.ofMillis(10))
        .setReconnectBackoffMax(Duration.ofMillis(100));
  }

  public static LeaseProxyOptions proxyOptions(TestRelay relay) {
    return proxyOptions(relay.uri());
  }

  /** Proxy defaults for tests: loopback port 0, a one-use ticket, short backoff. */
  public static LeaseProxyOptions proxyOptions(URI coordinator) {
    return new LeaseProxyOptions()
        .setCoordinator(coordinator)
        .setLease("blue-lobster")
        .setListen(new ListenAddress("127.0.0.1", 0))
        .setTicketSource(TicketSource.fixed(newTicket("client")))
        .setReconnectBackoffMin(Duration.ofMillis(10))
        .setReconnectBackoffMax(Duration.ofMillis(100));
  }

  /** A ticket the relay accepts once. */
  public static String newTicket(String role) {
    return "ticket-" + role + "-" + TICKETS.incrementAndGet();
  }

  public static Allowlist allowlist(String... entries) {
    try {
      return Allowlist.of(List.of(), List.of(entries));
    } catch (AllowlistException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static LeaseProxyVerticle deployProxy(Vertx vertx, TestRelay relay, Consumer<LeaseProxyOptions> tweaks) {
    LeaseProxyOptions options = proxyOptions(relay);
    tweaks.accept(options);
    LeaseProxyVerticle proxy = new LeaseProxyVerticle(options);
    vertx.deployVerticle(proxy).await();
    proxy.connected().await();
    return proxy;
  }
}
