package dev.crabbox.cli.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * One benchmark download: connects to the origin directly or through the lease proxy (CONNECT),
 * asks for a number of bytes and counts them as they arrive.
 */
final class BenchClient {

  /** Where the download goes: straight to the origin, or through a proxy. */
  record Route(int originPort, int proxyPort) {
    static Route direct(int originPort) {
      return new Route(originPort, -1);
    }

    static Route viaProxy(int originPort, int proxyPort) {
      return new Route(originPort, proxyPort);
    }

    boolean proxied() {
      return proxyPort > 0;
    }
  }

  private final NetClient client;

  BenchClient(NetClient client) {
    this.client = client;
  }

  /** Downloads {@code bytes} and completes with the number of nanoseconds it took. */
  Future<Long> download(Route route, long bytes) {
    long started = System.nanoTime();
    return open(route).compose(stream -> {
      Promise<Long> done = Promise.promise();
      long[] received = {stream.early.length()};
      NetSocket socket = stream.socket;
      socket.handler(chunk -> {
        received[0] += chunk.length();
        if (received[0] >= bytes) {
          done.tryComplete(System.nanoTime() - started);
          socket.close();
        }
      });
      socket.endHandler(v -> done.tryFail("origin closed after " + received[0] + " of " + bytes + " bytes"));
      socket.exceptionHandler(done::tryFail);
      socket.resume();
      socket.write(request(bytes));
      return done.future();
    });
  }

  /** Opens a stream that asks for {@code bytes} and then never reads: a stalled reader. */
  Future<NetSocket> stall(Route route, long bytes) {
    return open(route).map(stream -> {
      stream.socket.handler(chunk -> {});
      stream.socket.pause();
      stream.socket.write(request(bytes));
      return stream.socket;
    });
  }

  private static Buffer request(long bytes) {
    return Buffer.buffer(bytes + "\n");
  }

  private record Opened(NetSocket socket, Buffer early) {}

  private Future<Opened> open(Route route) {
    if (!route.proxied()) {
      return client.connect(route.originPort(), "127.0.0.1").map(s -> {
        s.pause();
        return new Opened(s, Buffer.buffer());
      });
    }
    return client.connect(route.proxyPort(), "127.0.0.1").compose(socket -> {
      Promise<Opened> opened = Promise.promise();
      Buffer head = Buffer.buffer();
      socket.handler(chunk -> {
        head.appendBuffer(chunk);
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
          return;
        }
        socket.pause();
        if (!text.startsWith("HTTP/1.1 200")) {
          socket.close();
          opened.tryFail("proxy refused CONNECT: " + text.lines().findFirst().orElse(""));
          return;
        }
        opened.tryComplete(new Opened(socket, head.getBuffer(end + 4, head.length())));
      });
      socket.exceptionHandler(opened::tryFail);
      socket.write("CONNECT 127.0.0.1:" + route.originPort() + " HTTP/1.1\r\nHost: 127.0.0.1:"
          + route.originPort() + "\r\n\r\n");
      return opened.future();
    });
  }
}
