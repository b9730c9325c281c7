package dev.crabbox.cli.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.UUID;

/**
 * The two transports a cluster node could relay a bridge socket over, measured between two
 * clustered Vert.x nodes: a node-to-node WebSocket (backpressure from its write queue) and the
 * clustered event bus with credit-based flow control (the receiver grants credit as it consumes).
 * One sender, 64 KiB messages (a full v2 DATA frame), node B to node A.
 */
final class RelayTransports {

  static final int MESSAGE = 64 * 1024;
  /** Event-bus credit: 16 messages (1 MiB) in flight, topped up every 4 consumed. */
  private static final int WINDOW = 16;
  private static final int GRANT_EVERY = 4;

  private RelayTransports() {}

  /** Nanoseconds to move {@code bytes} over a WebSocket from {@code from} to {@code to}. */
  static Future<Long> webSocket(Vertx to, Vertx from, long bytes) {
    Promise<Long> done = Promise.promise();
    long[] received = {0};
    long[] started = {0};
    Future<HttpServer> listening = to.createHttpServer(new HttpServerOptions()
            .setMaxWebSocketFrameSize(2 * MESSAGE).setMaxWebSocketMessageSize(2 * MESSAGE))
        .webSocketHandler(ws -> ws.binaryMessageHandler(message -> {
          received[0] += message.length();
          if (received[0] >= bytes) {
            done.tryComplete(System.nanoTime() - started[0]);
          }
        }))
        .listen(0, "127.0.0.1");
    WebSocketClient client = from.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(2 * MESSAGE).setMaxMessageSize(2 * MESSAGE));
    return listening
        .compose(server -> client.connect(server.actualPort(), "127.0.0.1", "/"))
        .compose(ws -> {
          started[0] = System.nanoTime();
          pump(ws, Buffer.buffer(new byte[MESSAGE]), bytes, new long[] {0});
          return done.future();
        })
        .eventually(() -> client.close().eventually(() -> listening.compose(HttpServer::close)));
  }

  private static void pump(WebSocket ws, Buffer message, long bytes, long[] sent) {
    while (sent[0] < bytes && !ws.writeQueueFull()) {
      ws.writeBinaryMessage(message);
      sent[0] += message.length();
    }
    if (sent[0] < bytes) {
      ws.drainHandler(v -> pump(ws, message, bytes, sent));
    }
  }

  /**
   * Nanoseconds to move {@code bytes} over the clustered event bus from {@code from} to
   * {@code to}. Credit-based: the sender starts with {@value #WINDOW} messages of credit, asks
   * for a reply on every {@value #GRANT_EVERY}th message, and each reply (sent once the receiver
   * consumed it) grants that many more; at zero credit it waits.
   */
  static Future<Long> eventBus(Vertx to, Vertx from, long bytes) {
    String address = "crabbox.bench.relay." + UUID.randomUUID();
    Promise<Long> done = Promise.promise();
    long[] received = {0};
    long[] started = {0};
    MessageConsumer<Object> sink = to.eventBus().consumer(address, message -> {
      if (message.body() instanceof Buffer body) {
        received[0] += body.length();
        if (received[0] >= bytes) {
          done.tryComplete(System.nanoTime() - started[0]);
        }
      }
      if (message.replyAddress() != null) {
        message.reply(GRANT_EVERY);
      }
    });
    Sender sender = new Sender(from, address, bytes);
    return sink.completion()
        .compose(registered -> reachable(from, address, 50))
        .compose(reachable -> {
          Promise<Void> sending = Promise.promise();
          from.runOnContext(v -> {
            started[0] = System.nanoTime();
            sender.send();
            sending.complete();
          });
          return sending.future();
        })
        .compose(sending -> done.future())
        .eventually(sink::unregister);
  }

  /** Retries until the sink's registration is visible on the sender's node. */
  private static Future<Void> reachable(Vertx from, String address, int attempts) {
    return from.eventBus().request(address, "ping", new DeliveryOptions().setSendTimeout(1000))
        .<Void>mapEmpty()
        .recover(failure -> attempts <= 1 ? Future.failedFuture(failure)
            : from.timer(100).compose(v -> reachable(from, address, attempts - 1)));
  }

  /** The sending side of the event-bus transport; runs on the sender's context. */
  private static final class Sender {

    private final Vertx vertx;
    private final String address;
    private final long bytes;
    private final Buffer message = Buffer.buffer(new byte[MESSAGE]);
    private long sent;
    private long count;
    private int credit = WINDOW;

    Sender(Vertx vertx, String address, long bytes) {
      this.vertx = vertx;
      this.address = address;
      this.bytes = bytes;
    }

    void send() {
      while (credit > 0 && sent < bytes) {
        credit--;
        sent += message.length();
        if (++count % GRANT_EVERY == 0) {
          vertx.eventBus().<Integer>request(address, message).onSuccess(grant -> {
            credit += grant.body();
            send();
          });
        } else {
          vertx.eventBus().send(address, message);
        }
      }
    }
  }
}
