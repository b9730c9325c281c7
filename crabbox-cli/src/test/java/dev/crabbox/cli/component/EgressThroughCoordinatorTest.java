package dev.crabbox.cli.component;

import static dev.crabbox.cli.component.ComponentRig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.testing.BrowserSocket;
import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.agent.testing.ProxiedHttp;
import dev.crabbox.agent.testing.TcpOrigin;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Coordinator + egress host + lease proxy in one JVM on loopback, exactly as the CLI wires them:
 * real HTTP clients reach local origins through the lease proxy, and refusals read clearly.
 */
class EgressThroughCoordinatorTest extends LoopbackRigTest {

  @Test
  void plainHttpReachesTheOriginAndProxyHeadersStayBehind(Vertx vertx) throws Exception {
    HttpOrigin origin = await(HttpOrigin.plain(vertx, "plain").start());
    HttpResponse<String> response = ProxiedHttp.client(rig.proxyPort()).send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + origin.port() + "/page?q=1"))
            .header("X-Test", "yes").build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("plain GET /page?q=1 body=0\n", response.body());
    HttpOrigin.Seen seen = origin.seen().get(0);
    assertEquals("/page?q=1", seen.uri());
    assertEquals("yes", seen.headers().get("X-Test"));
    assertFalse(seen.headers().names().stream().anyMatch(n -> n.toLowerCase().startsWith("proxy-")));
  }

  @Test
  void httpsGoesThroughConnectToATlsOrigin(Vertx vertx) throws Exception {
    HttpOrigin secure = await(HttpOrigin.tls(vertx, "secure", "localhost").start());
    HttpResponse<String> response = ProxiedHttp.trusting(rig.proxyPort(), secure.certificatePath()).send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + secure.port() + "/tls")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("secure GET /tls body=0\n", response.body());
  }

  @Test
  void aHostOffTheAllowlistIsRefusedWith403() throws Exception {
    BrowserSocket.Reply reply = BrowserSocket.exchange(rig.proxyPort(),
        "GET http://not-allowed.example/ HTTP/1.1\r\nHost: not-allowed.example\r\n\r\n");
    assertEquals(403, reply.status());
    assertEquals("crabbox egress: not allowlisted: not-allowed.example\n", reply.text());
  }

  @Test
  void fiftyStreamsCompleteWhileOneReaderIsStalled(Vertx vertx) throws Exception {
    int size = 512 * 1024;
    TcpOrigin bulk = await(TcpOrigin.bulk(vertx, size).start());
    TcpOrigin endless = await(TcpOrigin.endless(vertx).start());
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try (BrowserSocket stalled = new BrowserSocket(rig.proxyPort())) {
      stalled.send(connect(endless.port()));
      assertTrue(stalled.readHead().startsWith("HTTP/1.1 200"));
      // From here on nobody reads the stalled socket: its stream's credit runs out.

      List<Future<byte[]>> downloads = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        downloads.add(pool.submit(() -> {
          try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
            browser.send(connect(bulk.port()));
            browser.readHead();
            return browser.readExactly(size);
          }
        }));
      }
      for (Future<byte[]> download : downloads) {
        byte[] bytes = download.get(60, TimeUnit.SECONDS);
        assertEquals(size, bytes.length);
        for (int i = 0; i < bytes.length; i += 4099) {
          assertEquals(TcpOrigin.patternAt(i), bytes[i], "byte " + i);
        }
      }
      // The stalled stream was only held back, not lost: it flows again once read.
      byte[] resumed = stalled.readExactly(1024 * 1024);
      for (int i = 0; i < resumed.length; i += 4099) {
        assertEquals(TcpOrigin.patternAt(i), resumed[i], "stalled stream byte " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String connect(int port) {
    return "CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
  }
}
