package dev.crabbox.agent;

import dev.crabbox.agent.bridge.BridgeConnection;
import dev.crabbox.agent.bridge.LinkHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Objects;

/**
 * What the egress host and the lease proxy verticles share: their options, the bridge to the
 * coordinator, the {@link #connected()} and {@link #fatal()} futures (usable before deployment),
 * and the banner logged on each connect before the user's {@link BridgeListener} hears of it.
 *
 * @param <O> the agent's options type
 */
public abstract class BridgeAgentVerticle<O extends BridgeAgentOptions<O>> extends VerticleBase {

  protected final O options;
  private final Promise<BridgeSession> connected = Promise.promise();
  private final Promise<BridgeFailure> fatal = Promise.promise();
  private BridgeConnection bridge;

  protected BridgeAgentVerticle(O options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Creates (but does not start) this agent's bridge in {@code role}, feeding {@link #connected()}
   * and {@link #fatal()}. Throws if the options are invalid.
   */
  protected final BridgeConnection createBridge(String role, LinkHandler handler) {
    bridge = new BridgeConnection(vertx, options.bridgeSettings(role, new BannerListener()), handler);
    bridge.connected().onComplete(connected);
    bridge.fatal().onComplete(fatal);
    return bridge;
  }

  /** Stops the bridge, if one was created. */
  protected final Future<Void> stopBridge() {
    return bridge == null ? Future.succeededFuture() : bridge.stop();
  }

  /** Logs this agent's banner for a successful upgrade; the user's listener is told right after. */
  protected abstract void logConnected(BridgeSession session);

  /** Completes at the first successful upgrade; fails when the bridge gives up before it. */
  public final Future<BridgeSession> connected() {
    return connected.future();
  }

  /** Completes when the bridge gives up for good; the process should exit with its code (4). */
  public final Future<BridgeFailure> fatal() {
    return fatal.future();
  }

  /** The latest bridge session, or null before the first upgrade. */
  public final BridgeSession session() {
    return bridge == null ? null : bridge.session();
  }

  /** {@code d}, checked to be positive; {@code what} names it in the error. */
  protected static Duration positive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
    return d;
  }

  private BridgeListener userListener() {
    return options.getBridgeListener() == null ? BridgeListener.none() : options.getBridgeListener();
  }

  /** Logs the connected event with {@link #logConnected}, then tells the user's listener. */
  private final class BannerListener implements BridgeListener {
    @Override
    public void onConnected(BridgeSession session) {
      logConnected(session);
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
