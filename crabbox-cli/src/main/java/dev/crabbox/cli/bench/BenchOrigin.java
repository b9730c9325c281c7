package dev.crabbox.cli.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback byte source for the benchmark: a client sends {@code "<bytes>\n"} and the origin
 * answers with that many bytes, honouring backpressure, then closes.
 */
final class BenchOrigin {
  static final int CHUNK = 64 * 1024;
  /** Written again and again: Vert.x writes a duplicate of the buffer, so no copy per write. */
  private static final Buffer PATTERN = pattern();

  private static Buffer pattern() {
    byte[] bytes = new byte[CHUNK];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return Buffer.buffer(bytes);
  }

  private final Vertx vertx;
  private NetServer server;

  BenchOrigin(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<BenchOrigin> start() {
    server = vertx.createNetServer().connectHandler(this::serve);
    return server.listen(0, "127.0.0.1").map(s -> this);
  }

  int port() {
    return server.actualPort();
  }

  Future<Void> stop() {
    return server.close();
  }

  private void serve(NetSocket socket) {
    Buffer request = Buffer.buffer();
    boolean[] started = new boolean[1];
    socket.handler(chunk -> {
      if (started[0]) {
        return;
      }
      request.appendBuffer(chunk);
      String text = request.toString(StandardCharsets.US_ASCII);
      int newline = text.indexOf('\n');
      if (newline < 0) {
        if (request.length() > 32) {
          socket.close();
        }
        return;
      }
      started[0] = true;
      new Sender(socket, Long.parseLong(text.substring(0, newline).trim())).pump();
    });
    socket.exceptionHandler(e -> socket.close());
  }

  /** Writes {@code remaining} bytes, pausing while the socket's write queue is full. */
  private static final class Sender {
    private final NetSocket socket;
    private long remaining;

    Sender(NetSocket socket, long remaining) {
      this.socket = socket;
      this.remaining = remaining;
    }

    void pump() {
      while (remaining > 0 && !socket.writeQueueFull()) {
        int n = (int) Math.min(CHUNK, remaining);
        socket.write(n == CHUNK ? PATTERN : PATTERN.slice(0, n));
        remaining -= n;
      }
      if (remaining > 0) {
        socket.drainHandler(v -> pump());
      } else {
        socket.end();
      }
    }
  }
}
