package dev.crabbox.agent.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A coordinator that completes the WebSocket upgrade and then says nothing at all — it does not
 * even answer pings — to test the agents' idle timeout. Every upgrade is accepted.
 */
public final class SilentWebSocketServer {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final NetServer server;
  private final AtomicInteger upgrades = new AtomicInteger();

  public SilentWebSocketServer(Vertx vertx) {
    this(vertx, true);
  }

  /**
   * @param acceptSubprotocol false to answer like an old v1-only coordinator that never chooses
   *                          a subprotocol
   */
  public SilentWebSocketServer(Vertx vertx, boolean acceptSubprotocol) {
    server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0)).connectHandler(socket -> {
      Buffer head = Buffer.buffer();
      boolean[] upgraded = {false};
      socket.handler(bytes -> {
        if (upgraded[0]) {
          return;
        }
        head.appendBuffer(bytes);
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (text.contains("\r\n\r\n")) {
          upgraded[0] = true;
          upgrades.incrementAndGet();
          String protocol = acceptSubprotocol ? header(text, "sec-websocket-protocol") : null;
          socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Accept: " + accept(header(text, "sec-websocket-key")) + "\r\n"
              + (protocol == null ? "" : "Sec-WebSocket-Protocol: " + protocol + "\r\n")
              + "X-Crabbox-Lease-Id: cbx_000000000001\r\nX-Crabbox-Egress-Session: egress_silent_1\r\n"
              + "X-Crabbox-Resume-Secret: resume-any\r\n\r\n");
        }
      });
    });
  }

  public Future<SilentWebSocketServer> start() {
    return server.listen().map(s -> this);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  public int upgrades() {
    return upgrades.get();
  }

  private static String header(String head, String lowerCaseName) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith(lowerCaseName + ":")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return null;
  }

  private static String accept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
