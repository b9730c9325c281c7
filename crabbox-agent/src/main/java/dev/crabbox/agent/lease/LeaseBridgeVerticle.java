package dev.crabbox.agent.lease;

import dev.crabbox.agent.BridgeAgentVerticle;
import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.bridge.BridgeConnection;
import dev.crabbox.agent.host.Dialer;
import dev.crabbox.agent.host.NetClientDialer;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease bridge agent: runs on the lease, dials out to the coordinator over a ticketed
 * WebSocket (role {@code vnc} or {@code code}) and, for each stream the coordinator opens on it,
 * connects to the kind's fixed loopback port and pipes bytes both ways with the same frames,
 * credit and reconnect rules as the egress bridge. The portal's VNC and code pages reach the lease
 * through it.
 *
 * <p>Embed it like any verticle: {@code vertx.deployVerticle(new LeaseBridgeVerticle(options))}.
 */
public final class LeaseBridgeVerticle extends BridgeAgentVerticle<LeaseBridgeOptions> {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseBridgeVerticle.class);

  private NetClientDialer ownDialer;
  private LoopbackOpener opener;

  public LeaseBridgeVerticle(LeaseBridgeOptions options) {
    super(options);
  }

  @Override
  public Future<?> start() {
    if (options.getKind() == null) {
      return Future.failedFuture(new IllegalArgumentException("the bridge kind (vnc or code) is required"));
    }
    BridgeConnection bridge;
    try {
      Dialer dialer = options.getDialer();
      if (dialer == null) {
        ownDialer = new NetClientDialer(vertx);
        dialer = ownDialer;
      }
      opener = new LoopbackOpener(options.getKind(), dialer, positive(options.getDialTimeout(), "dial timeout"));
      bridge = createBridge(options.getKind().wire(), opener::open);
    } catch (RuntimeException invalid) {
      return Future.failedFuture(invalid);
    }
    LOG.info("lease bridge {} starting: lease={} target={}", options.getKind().wire(), options.getLease(),
        opener.target());
    bridge.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    Future<Void> bridgeStopped = stopBridge();
    Future<Void> dialerClosed = ownDialer == null ? Future.succeededFuture() : ownDialer.close();
    return Future.join(bridgeStopped, dialerClosed);
  }

  @Override
  protected void logConnected(BridgeSession session) {
    LOG.info("lease bridge {} connected: lease={} target={} wire={}", options.getKind().wire(),
        session.leaseId(), opener.target(), session.wire());
  }
}
