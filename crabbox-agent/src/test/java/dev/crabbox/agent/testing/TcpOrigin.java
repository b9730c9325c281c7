package dev.crabbox.agent.testing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.atomic.AtomicBoolean;

/** Raw TCP destinations: a greeter that speaks first, a bulk sender, an endless sender. */
public final class TcpOrigin {

  private final NetServer server;
  /** Set once an endless sender found its socket full: the reader stopped pulling. */
  private final AtomicBoolean stalled = new AtomicBoolean();

  private TcpOrigin(Vertx vertx, Handler<NetSocket> behaviour) {
    this.server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
        .connectHandler(behaviour);
  }

  private TcpOrigin(Vertx vertx, boolean endless) {
    this.server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
        .connectHandler(socket -> sendBulk(socket, Long.MAX_VALUE, stalled));
  }

  /** Writes {@code greeting} as soon as a connection arrives, then echoes. */
  public static TcpOrigin greeter(Vertx vertx, String greeting) {
    return new TcpOrigin(vertx, socket -> {
      socket.write(greeting);
      socket.handler(socket::write);
    });
  }

  /** Writes {@code bytes} bytes (with backpressure) and closes. */
  /** The byte a bulk origin sends at {@code offset}. */
  public static byte patternAt(long offset) {
    return (byte) (offset % 251);
  }

  public static TcpOrigin bulk(Vertx vertx, int bytes) {
    return new TcpOrigin(vertx, socket -> sendBulk(socket, bytes, new AtomicBoolean()));
  }

  /** Writes forever with backpressure, until the connection closes; see {@link #stalled()}. */
  public static TcpOrigin endless(Vertx vertx) {
    return new TcpOrigin(vertx, true);
  }

  /** True once the endless sender had to wait for its socket to drain. */
  public boolean stalled() {
    return stalled.get();
  }

  public Future<TcpOrigin> start() {
    return server.listen().map(s -> this);
  }

  public int port() {
    return server.actualPort();
  }

  private static void sendBulk(NetSocket socket, long total, AtomicBoolean stalled) {
    // A repeating 0..250 pattern: a lost or reordered chunk shows up as a broken sequence.
    byte[] pattern = new byte[251 * 64];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = (byte) (i % 251);
    }
    Buffer chunk = Buffer.buffer(pattern);
    long[] left = {total};
    boolean[] closed = {false};
    socket.closeHandler(v -> closed[0] = true);
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      while (!closed[0] && left[0] > 0 && !socket.writeQueueFull()) {
        int n = (int) Math.min(chunk.length(), left[0]);
        socket.write(n == chunk.length() ? chunk : chunk.slice(0, n));
        left[0] -= n;
      }
      if (left[0] == 0) {
        socket.end();
      } else if (!closed[0]) {
        stalled.set(true);
        socket.drainHandler(v -> pump[0].run());
      }
    };
    pump[0].run();
  }
}
