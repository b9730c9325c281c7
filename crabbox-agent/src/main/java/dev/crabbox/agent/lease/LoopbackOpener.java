package dev.crabbox.agent.lease;

import dev.crabbox.agent.bridge.BridgeLink;
import dev.crabbox.agent.bridge.BridgeStream;
import dev.crabbox.agent.bridge.SocketPipe;
import dev.crabbox.agent.host.Dialer;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.HostPort;
import java.net.InetAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the coordinator's OPEN frames on the lease: the only target is the kind's own loopback
 * port (127.0.0.1:5900 for vnc, 127.0.0.1:8080 for code). Any other target is refused with an
 * ERROR before anything is dialled, so the agent can never be used as a relay.
 */
final class LoopbackOpener {

  private static final Logger LOG = LoggerFactory.getLogger(LoopbackOpener.class);

  private final LeaseBridgeKind kind;
  private final Dialer dialer;
  private final Duration dialTimeout;
  private final InetAddress loopback;

  LoopbackOpener(LeaseBridgeKind kind, Dialer dialer, Duration dialTimeout) {
    this.kind = kind;
    this.dialer = dialer;
    this.dialTimeout = dialTimeout;
    this.loopback = InetAddress.getLoopbackAddress();
  }

  /** The one target this agent serves, as {@code host:port}. */
  String target() {
    return HostPort.format(LeaseBridgeKind.LOOPBACK_HOST, kind.port());
  }

  void open(BridgeLink link, Frame.Open open) {
    BridgeStream stream = link.accept(open);
    String asked = HostPort.format(open.host(), open.port());
    if (!LeaseBridgeKind.LOOPBACK_HOST.equals(open.host()) || open.port() != kind.port()) {
      LOG.warn("refused {} stream to {}: this bridge reaches only {}", kind.wire(), asked, target());
      stream.sendOpenError("the " + kind.wire() + " bridge reaches only " + target());
      return;
    }
    dialer.dial(loopback, kind.port(), dialTimeout).onComplete(ar -> {
      if (ar.failed()) {
        String detail = ar.cause().getMessage() == null
            ? ar.cause().getClass().getSimpleName() : ar.cause().getMessage();
        LOG.info("{} stream to {} failed: {}", kind.wire(), target(), detail);
        stream.sendOpenError("nothing answers at " + target() + " on the lease (" + detail + ")");
      } else if (stream.isFinished()) {
        ar.result().close();
      } else {
        stream.sendOpenOk();
        SocketPipe.join(ar.result(), stream);
      }
    });
  }
}
