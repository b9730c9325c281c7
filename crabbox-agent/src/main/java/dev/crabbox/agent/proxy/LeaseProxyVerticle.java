package dev.crabbox.agent.proxy;

import dev.crabbox.agent.BridgeAgentVerticle;
import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.bridge.BridgeConnection;
import dev.crabbox.agent.bridge.BridgeSettings;
import dev.crabbox.agent.bridge.LinkHandler;
import dev.crabbox.protocol.net.ListenAddress;
import io.vertx.core.Future;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease-side egress client: a loopback HTTP proxy (CONNECT and absolute-form) whose
 * connections travel as streams over the bridge to the egress host. While the bridge is down the
 * proxy stays up and answers {@code 503 host agent not connected}.
 *
 * <p>Embed it like any verticle: {@code vertx.deployVerticle(new LeaseProxyVerticle(options))}.
 * {@link #connected()} and {@link #fatal()} may be used before deployment.
 */
public final class LeaseProxyVerticle extends BridgeAgentVerticle<LeaseProxyOptions> {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseProxyVerticle.class);

  private NetServer server;

  public LeaseProxyVerticle(LeaseProxyOptions options) {
    super(options);
  }

  @Override
  public Future<?> start() {
    ListenAddress listen = options.getListen();
    BridgeConnection bridge;
    StreamOpener opener;
    try {
      requireLoopback(listen);
      bridge = createBridge(BridgeSettings.ROLE_CLIENT, LinkHandler.REFUSE_OPEN);
      opener = new StreamOpener(vertx, bridge::currentLink, positive(options.getOpenTimeout(), "open timeout"));
    } catch (RuntimeException | UnknownHostException invalid) {
      return Future.failedFuture(invalid);
    }
    server = vertx.createNetServer(new NetServerOptions()
        .setHost(listen.bindHost())
        .setPort(listen.port())
        .setTcpNoDelay(true));
    server.connectHandler(socket -> new ProxyConnection(socket, opener).start());
    return server.listen().onSuccess(bound -> {
      LOG.info("lease proxy listening on {}", listenText());
      bridge.start();
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> bridgeStopped = stopBridge();
    Future<Void> serverClosed = server == null ? Future.succeededFuture() : server.close();
    return Future.join(bridgeStopped, serverClosed);
  }

  /** The bound port (useful with port 0); 0 before the listener is bound. */
  public int actualPort() {
    return server == null ? 0 : server.actualPort();
  }

  /** The listen address with the bound port, e.g. {@code 127.0.0.1:3128}. */
  public String listenText() {
    ListenAddress listen = options.getListen();
    return new ListenAddress(listen.host(), actualPort() > 0 ? actualPort() : listen.port()).toString();
  }

  @Override
  protected void logConnected(BridgeSession session) {
    LOG.info("egress client connected: lease={} session={} listen={} wire={}", session.leaseId(),
        session.sessionId(), listenText(), session.wire());
  }

  /**
   * The proxy has no authentication of its own, so it must never listen beyond this machine.
   * {@link ListenAddress} already refuses other hosts; this re-checks the literal that is bound.
   */
  private static void requireLoopback(ListenAddress listen) throws UnknownHostException {
    if (listen == null) {
      throw new IllegalArgumentException("listen address is required");
    }
    // bindHost() is an IP literal, so this parses without a lookup.
    if (!InetAddress.getByName(listen.bindHost()).isLoopbackAddress()) {
      throw new IllegalArgumentException("--listen " + listen
          + " refused: the lease proxy listens on loopback only (127.0.0.1, [::1] or localhost)");
    }
  }
}
