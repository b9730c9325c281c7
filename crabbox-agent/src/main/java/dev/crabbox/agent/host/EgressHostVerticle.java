package dev.crabbox.agent.host;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.BridgeListener;
import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.bridge.BridgeConnection;
import dev.crabbox.protocol.net.DestinationPolicy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Objects;
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
public final class EgressHostVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(EgressHostVerticle.class);

  private final EgressHostOptions options;
  private final Promise<BridgeSession> connected = Promise.promise();
  private final Promise<BridgeFailure> fatal = Promise.promise();
  private BridgeConnection bridge;
  private NetClientDialer ownDialer;

  public EgressHostVerticle(EgressHostOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public Future<?> start() {
    if (options.getAllowlist() == null || options.getAllowlist().isEmpty()) {
      return Future.failedFuture(new OpenProxyRefusedException());
    }
    DestinationOpener opener;
    try {
      opener = opener();
      bridge = new BridgeConnection(vertx, options.bridgeSettings(new BannerListener()), opener::open);
    } catch (RuntimeException invalid) {
      return Future.failedFuture(invalid);
    }
    bridge.connected().onComplete(connected);
    bridge.fatal().onComplete(fatal);
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
    Future<Void> bridgeStopped = bridge == null ? Future.succeededFuture() : bridge.stop();
    Future<Void> dialerClosed = ownDialer == null ? Future.succeededFuture() : ownDialer.close();
    return Future.join(bridgeStopped, dialerClosed);
  }

  /** Completes at the first successful upgrade; fails when the bridge gives up before it. */
  public Future<BridgeSession> connected() {
    return connected.future();
  }

  /** Completes when the bridge gives up for good; the process should exit with its code (4). */
  public Future<BridgeFailure> fatal() {
    return fatal.future();
  }

  /** The latest bridge session, or null before the first upgrade. */
  public BridgeSession session() {
    return bridge == null ? null : bridge.session();
  }

  private String profileLabel() {
    return options.getProfile() == null || options.getProfile().isEmpty() ? "-" : options.getProfile();
  }

  private static Duration positive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
    return d;
  }

  private BridgeListener userListener() {
    return options.getBridgeListener() == null ? BridgeListener.none() : options.getBridgeListener();
  }

  /** Logs the connected event with the scope the operator should confirm, then tells the user's listener. */
  private final class BannerListener implements BridgeListener {
    @Override
    public void onConnected(BridgeSession session) {
      LOG.info("egress host connected: lease={} session={} profile={} allow={} wire={}", session.leaseId(),
          session.sessionId(), profileLabel(), options.getAllowlist().summary(), session.wire());
      userListener().onConnected(session);
    }

    @Override
    public void onDisconnected(String reason, Duration retryIn) {
      userListener().onDisconnected(reason, retryIn);
    }

    @Override
    public void onFatal(BridgeFailure failure) {
      userListener().onFatal(failure);
    }
  }
}
