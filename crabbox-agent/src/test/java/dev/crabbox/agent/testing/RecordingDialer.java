package dev.crabbox.agent.testing;

import dev.crabbox.agent.host.Dialer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test dialers: record what the host agent asked to dial and decide what happens. */
public final class RecordingDialer implements Dialer {

  /** One dial request. */
  public record Dial(InetAddress address, int port) {}

  private enum Mode { LOOPBACK, NEVER, FAIL }

  private final Vertx vertx;
  private final Mode mode;
  private final int loopbackPort;
  private final List<Dial> dials = new CopyOnWriteArrayList<>();
  private NetClient client;

  private RecordingDialer(Vertx vertx, Mode mode, int loopbackPort) {
    this.vertx = vertx;
    this.mode = mode;
    this.loopbackPort = loopbackPort;
  }

  /** Records the address, then connects to 127.0.0.1:{@code port} instead (a public IP stand-in). */
  public static RecordingDialer toLoopback(Vertx vertx, int port) {
    return new RecordingDialer(vertx, Mode.LOOPBACK, port);
  }

  /** Records the address and never completes (an unresponsive destination). */
  public static RecordingDialer never(Vertx vertx) {
    return new RecordingDialer(vertx, Mode.NEVER, 0);
  }

  /** Records the address and fails like a refused connection. */
  public static RecordingDialer refusing(Vertx vertx) {
    return new RecordingDialer(vertx, Mode.FAIL, 0);
  }

  public List<Dial> dials() {
    return List.copyOf(dials);
  }

  @Override
  public Future<NetSocket> dial(InetAddress address, int port, Duration timeout) {
    dials.add(new Dial(address, port));
    switch (mode) {
      case NEVER:
        return Promise.<NetSocket>promise().future();
      case FAIL:
        return Future.failedFuture(new java.net.ConnectException("Connection refused"));
      default:
        if (client == null) {
          client = vertx.createNetClient();
        }
        return client.connect(loopbackPort, "127.0.0.1");
    }
  }
}
