package dev.crabbox.agent.host;

import dev.crabbox.agent.BridgeAgentVerticle;
import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.bridge.BridgeConnection;
import dev.crabbox.agent.bridge.BridgeSettings;
import dev.crabbox.protocol.net.DestinationPolicy;
import io.vertx.core.Future;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The egress host agent: connects to the coordinator as the lease's {@code host} and opens the
 * outbound connections the lease proxy asks for — only to allowlisted names, only to addresses the
 * destination policy allows (public only unless private destinations were explicitly allowed).
 *
 * <p>Embed it like any verticle: {@code vertx.deployVerticle(new EgressHostVerticle(options))}.
 * {@link #connected()} and {@link #fatal()} may be used before deployment.
 */
public final class EgressHostVerticle extends BridgeAgentVerticle<EgressHostOptions> {

  private static final Logger LOG = LoggerFactory.getLogger(EgressHostVerticle.class);

  private NetClientDialer ownDialer;

  public EgressHostVerticle(EgressHostOptions options) {
    super(options);
  }

  @Override
  public Future<?> start() {
    if (options.getAllowlist() == null || options.getAllowlist().isEmpty()) {
      return Future.failedFuture(new OpenProxyRefusedException());
    }
    BridgeConnection bridge;
    try {
      DestinationOpener opener = opener();
      bridge = createBridge(BridgeSettings.ROLE_HOST, opener::open);
    } catch (RuntimeException invalid) {
      return Future.failedFuture(invalid);
    }
    LOG.info("egress host starting: lease={} profile={} allow={}{}", options.getLease(), profileLabel(),
        options.getAllowlist().summary(),
        options.isAllowPrivateDestinations() ? " (private destinations allowed)" : "");
    bridge.start();
    return Future.succeededFuture();
  }

  private DestinationOpener opener() {
    DestinationPolicy policy = options.isAllowPrivateDestinations()
        ? DestinationPolicy.allowingPrivate() : DestinationPolicy.publicOnly();
    HostResolver resolver = options.getResolver() != null ? options.getResolver() : new SystemHostResolver(vertx);
    Duration dialTimeout = positive(options.getDialTimeout(), "dial timeout");
    Dialer dialer = options.getDialer();
    if (dialer == null) {
      ownDialer = new NetClientDialer(vertx);
      dialer = ownDialer;
    }
    return new DestinationOpener(vertx, options.getAllowlist(), policy, resolver, dialer, dialTimeout);
  }

  @Override
  public Future<?> stop() {
    Future<Void> bridgeStopped = stopBridge();
    Future<Void> dialerClosed = ownDialer == null ? Future.succeededFuture() : ownDialer.close();
    return Future.join(bridgeStopped, dialerClosed);
  }

  /** Logs the connected event with the scope the operator should confirm. */
  @Override
  protected void logConnected(BridgeSession session) {
    LOG.info("egress host connected: lease={} session={} profile={} allow={} wire={}", session.leaseId(),
        session.sessionId(), profileLabel(), options.getAllowlist().summary(), session.wire());
  }

  private String profileLabel() {
    return options.getProfile() == null || options.getProfile().isEmpty() ? "-" : options.getProfile();
  }
}
