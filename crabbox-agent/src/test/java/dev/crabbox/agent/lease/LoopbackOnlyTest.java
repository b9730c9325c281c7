package dev.crabbox.agent.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.testing.TcpOrigin;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.V2Codec;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lease bridge agent is never a relay: whatever the coordinator asks for, only the kind's own
 * loopback port is dialled, and every other target is answered with ERROR before any dial.
 */
@ExtendWith(VertxExtension.class)
class LoopbackOnlyTest {

  @Test
  void onlyTheKindsLoopbackPortIsEverDialled(Vertx vertx) throws Exception {
    TcpOrigin vnc = TcpOrigin.greeter(vertx, "RFB 003.008\n").start().await(20, TimeUnit.SECONDS);
    List<Integer> dialled = new CopyOnWriteArrayList<>();
    List<String> paths = new CopyOnWriteArrayList<>();
    Map<Integer, String> answers = new TreeMap<>();
    Promise<Map<Integer, String>> allAnswered = Promise.promise();
    HttpServer coordinator = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
            .setWebSocketSubProtocols(List.of(WireLimits.SUBPROTOCOL_V2)))
        .webSocketHandler(ws -> {
          paths.add(ws.path());
          ws.binaryMessageHandler(message -> {
            Frame frame = decode(message);
            if (frame instanceof Frame.Error error) {
              answers.put(error.stream(), "ERROR " + error.message());
            } else if (frame instanceof Frame.OpenOk ok) {
              answers.put(ok.stream(), "OPEN_OK");
            }
            if (answers.size() == 4) {
              allAnswered.tryComplete(new TreeMap<>(answers));
            }
          });
          send(ws::writeBinaryMessage, new Frame.Open(1, "127.0.0.1", 22));
          send(ws::writeBinaryMessage, new Frame.Open(2, "10.0.0.1", 5900));
          send(ws::writeBinaryMessage, new Frame.Open(3, "localhost", 5900));
          send(ws::writeBinaryMessage, new Frame.Open(4, "127.0.0.1", 5900));
        })
        .listen().await(20, TimeUnit.SECONDS);
    LeaseBridgeVerticle agent = new LeaseBridgeVerticle(new LeaseBridgeOptions()
        .setKind(LeaseBridgeKind.VNC)
        .setCoordinator(URI.create("http://127.0.0.1:" + coordinator.actualPort()))
        .setLease("lease-1")
        .setTicketSource(TicketSource.fixed("ticket"))
        .setDialer((address, port, timeout) -> {
          dialled.add(port);
          return vertx.createNetClient().connect(vnc.port(), "127.0.0.1");
        }));
    vertx.deployVerticle(agent).await(20, TimeUnit.SECONDS);

    Map<Integer, String> result = allAnswered.future().await(20, TimeUnit.SECONDS);
    String refusal = "ERROR the vnc bridge reaches only 127.0.0.1:5900";
    assertEquals(Map.of(1, refusal, 2, refusal, 3, refusal, 4, "OPEN_OK"), result);
    assertEquals(List.of(5900), dialled);
    assertEquals(List.of("/v1/leases/lease-1/bridges/vnc/agent"), paths);
  }

  private static void send(Function<Buffer, Future<Void>> writer, Frame frame) {
    writer.apply(Buffer.buffer(V2Codec.encode(frame)));
  }

  private static Frame decode(Buffer message) {
    try {
      return V2Codec.decode(message.getBytes());
    } catch (FrameDecodeException e) {
      throw new AssertionError("the agent sent a malformed frame", e);
    }
  }
}
