package dev.crabbox.agent.host;

import dev.crabbox.agent.bridge.BridgeLink;
import dev.crabbox.agent.bridge.BridgeStream;
import dev.crabbox.agent.bridge.SocketPipe;
import dev.crabbox.protocol.allow.Allowlist;
import dev.crabbox.protocol.egress.OpenFailure;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.HostPort;
import dev.crabbox.protocol.net.DestinationPolicy;
import dev.crabbox.protocol.net.NumericHost;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the client's OPEN frames on the host: allowlist, then the address check, then the dial.
 *
 * <p>The order matters for safety. A numeric host literal (in any inet_aton spelling) is checked
 * as the address it is. A name is resolved exactly once and <em>every</em> answer must pass the
 * destination policy — one private answer refuses the whole name, so DNS cannot smuggle a private
 * address in behind a public one — and then only those checked addresses are dialled, in order,
 * never the name again (no second lookup that could answer differently).
 */
final class DestinationOpener {

  private static final Logger LOG = LoggerFactory.getLogger(DestinationOpener.class);

  private final Vertx vertx;
  private final Allowlist allowlist;
  private final DestinationPolicy policy;
  private final HostResolver resolver;
  private final Dialer dialer;
  private final Duration dialTimeout;

  DestinationOpener(Vertx vertx, Allowlist allowlist, DestinationPolicy policy, HostResolver resolver,
      Dialer dialer, Duration dialTimeout) {
    this.vertx = vertx;
    this.allowlist = allowlist;
    this.policy = policy;
    this.resolver = resolver;
    this.dialer = dialer;
    this.dialTimeout = dialTimeout;
  }

  /** Handles one OPEN: registers the stream, then answers OPEN_OK and pipes, or ERROR. */
  void open(BridgeLink link, Frame.Open open) {
    BridgeStream stream = link.accept(open);
    String host = open.host();
    String target = HostPort.format(host, open.port());
    if (!allowlist.permits(host)) {
      LOG.debug("refused {}: not allowlisted", target);
      stream.sendOpenError(OpenFailure.NOT_ALLOWLISTED.message(host));
      return;
    }
    addresses(host)
        .compose(candidates -> checked(host, candidates))
        .compose(checked -> dialFirst(checked, open.port(), 0, null))
        .onComplete(ar -> {
          if (ar.failed()) {
            String message = failureMessage(target, ar.cause());
            LOG.debug("open {} failed: {}", target, message);
            stream.sendOpenError(message);
          } else if (stream.isFinished()) {
            // The client gave up (open timeout, RST) or the bridge dropped while we dialled.
            ar.result().close();
          } else {
            LOG.debug("opened stream {} to {}", Integer.toUnsignedString(stream.id()), target);
            stream.sendOpenOk();
            SocketPipe.join(ar.result(), stream);
          }
        });
  }

  private Future<List<InetAddress>> addresses(String host) {
    Optional<InetAddress> literal = NumericHost.parse(host);
    if (literal.isPresent()) {
      return Future.succeededFuture(List.of(literal.get()));
    }
    return resolver.resolve(host);
  }

  private Future<List<InetAddress>> checked(String host, List<InetAddress> candidates) {
    if (candidates == null || candidates.isEmpty()) {
      return Future.failedFuture(new UnknownHostException(host + " has no addresses"));
    }
    for (InetAddress address : candidates) {
      Optional<String> refusal = policy.refusal(address);
      if (refusal.isPresent()) {
        return Future.failedFuture(new BlockedDestination(OpenFailure.BLOCKED_ADDRESS.message(
            OpenFailure.blockedDetail(host, address.getHostAddress(), refusal.get()))));
      }
    }
    return Future.succeededFuture(candidates);
  }

  /** Dials the checked addresses in order until one answers; the last failure explains them all. */
  private Future<NetSocket> dialFirst(List<InetAddress> addresses, int port, int index, Throwable last) {
    if (index >= addresses.size()) {
      return Future.failedFuture(last);
    }
    return dialOnce(addresses.get(index), port)
        .recover(error -> dialFirst(addresses, port, index + 1, error));
  }

  /** One dial, bounded by our own timer too: an injected dialer might not honour the timeout. */
  private Future<NetSocket> dialOnce(InetAddress address, int port) {
    Promise<NetSocket> result = Promise.promise();
    long timer = vertx.setTimer(dialTimeout.toMillis(), id -> result.tryFail(
        new TimeoutException("no answer within " + dialTimeout.toMillis() + " ms")));
    dialer.dial(address, port, dialTimeout).onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded() && !result.tryComplete(ar.result())) {
        ar.result().close();
      } else if (ar.failed()) {
        result.tryFail(ar.cause());
      }
    });
    return result.future();
  }

  private static String failureMessage(String target, Throwable cause) {
    if (cause instanceof BlockedDestination) {
      return cause.getMessage();
    }
    if (cause instanceof UnknownHostException) {
      return OpenFailure.OPEN_FAILED.message("cannot resolve " + target);
    }
    if (cause instanceof TimeoutException) {
      return OpenFailure.OPEN_TIMEOUT.message("connecting to " + target + ": " + cause.getMessage());
    }
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return OpenFailure.OPEN_FAILED.message("connecting to " + target + ": " + detail);
  }

  /** A resolved address the policy refuses; the message is the ERROR frame text. */
  private static final class BlockedDestination extends Exception {
    BlockedDestination(String message) {
      super(message, null, false, false);
    }
  }
}
