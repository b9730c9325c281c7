package dev.crabbox.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.testing.BrowserSocket;
import dev.crabbox.agent.testing.EgressRig;
import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.agent.testing.ProxiedHttp;
import dev.crabbox.agent.testing.TcpOrigin;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real HTTP clients through lease proxy -> relay -> egress host -> local origins (v2 wire). */
@ExtendWith(VertxExtension.class)
class ProxyEndToEndTest {

  private EgressRig rig;
  private HttpOrigin plain;
  private HttpOrigin other;

  @BeforeEach
  void start(Vertx vertx) {
    rig = EgressRig.start(vertx);
    plain = HttpOrigin.plain(vertx, "plain").start().await();
    other = HttpOrigin.plain(vertx, "other").start().await();
  }

  @Test
  void connectTunnelReachesPlainHttpOrigin() throws Exception {
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("CONNECT plain.test:" + plain.port() + " HTTP/1.1\r\nHost: plain.test:" + plain.port() + "\r\n\r\n");
      assertEquals("HTTP/1.1 200 Connection Established\r\nProxy-Agent: crabbox\r\n\r\n", browser.readHead());
      browser.send("GET /tunnel HTTP/1.1\r\nHost: plain.test\r\n\r\n");
      BrowserSocket.Reply reply = browser.readReply();
      assertEquals(200, reply.status());
      assertEquals("plain GET /tunnel body=0\n", reply.text());
    }
  }

  @Test
  void connectTunnelCarriesTlsToHttpsOrigin(Vertx vertx) throws Exception {
    HttpOrigin secure = HttpOrigin.tls(vertx, "secure", "secure.test").start().await();
    HttpClient client = ProxiedHttp.trusting(rig.proxyPort(), secure.certificatePath());
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create("https://secure.test:" + secure.port() + "/hello?q=1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("secure GET /hello?q=1 body=0\n", response.body());
  }

  @Test
  void absoluteFormGetAndPostWithContentLength() throws Exception {
    HttpClient client = ProxiedHttp.client(rig.proxyPort());
    URI base = URI.create("http://plain.test:" + plain.port());
    HttpResponse<String> get = client.send(HttpRequest.newBuilder(base.resolve("/page?x=y")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("plain GET /page?x=y body=0\n", get.body());
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/form"))
            .POST(HttpRequest.BodyPublishers.ofString("name=crab")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("plain POST /form body=9\nname=crab", post.body());
    assertEquals("plain.test:" + plain.port(), plain.seen().get(1).headers().get("Host"));
  }

  @Test
  void absoluteFormChunkedBody() throws Exception {
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("POST http://plain.test:" + plain.port() + "/upload HTTP/1.1\r\n"
          + "Host: plain.test:" + plain.port() + "\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n"
          + "5\r\nhello\r\n");
      browser.send("7;ext=1\r\n, crabs\r\n0\r\nX-Trailer: t\r\n\r\n");
      BrowserSocket.Reply reply = browser.readReply();
      assertEquals(200, reply.status());
      assertEquals("plain POST /upload body=12\nhello, crabs", reply.text());
    }
  }

  @Test
  void keepAliveReusesTheStreamForTheSameTarget() throws Exception {
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      String target = "plain.test:" + plain.port();
      browser.send("GET http://" + target + "/one HTTP/1.1\r\nHost: " + target + "\r\n\r\n");
      assertEquals("plain GET /one body=0\n", browser.readReply().text());
      browser.send("GET http://" + target + "/two HTTP/1.1\r\nHost: " + target + "\r\n\r\n");
      assertEquals("plain GET /two body=0\n", browser.readReply().text());
    }
    // One stream means one destination connection: the origin saw both on the same socket.
    assertEquals(2, plain.seen().size());
    assertEquals(plain.seen().get(0).remotePort(), plain.seen().get(1).remotePort());
  }

  @Test
  void keepAliveSwitchesStreamsForADifferentTarget() throws Exception {
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      String first = "plain.test:" + plain.port();
      String second = "other.test:" + other.port();
      browser.send("GET http://" + first + "/a HTTP/1.1\r\nHost: " + first + "\r\n\r\n");
      assertEquals("plain GET /a body=0\n", browser.readReply().text());
      browser.send("GET http://" + second + "/b HTTP/1.1\r\nHost: " + second + "\r\n\r\n");
      assertEquals("other GET /b body=0\n", browser.readReply().text());
      browser.send("GET http://" + first + "/c HTTP/1.1\r\nHost: " + first + "\r\n\r\n");
      assertEquals("plain GET /c body=0\n", browser.readReply().text());
    }
  }

  @Test
  void hopByHopAndProxyHeadersAreStripped() throws Exception {
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      String target = "plain.test:" + plain.port();
      browser.send("GET http://" + target + "/headers HTTP/1.1\r\n"
          + "Host: " + target + "\r\n"
          + "Proxy-Connection: keep-alive\r\n"
          + "Proxy-Authorization: Basic Y3JhYjpjcmFi\r\n"
          + "Proxy-Whatever: x\r\n"
          + "Connection: keep-alive, X-Drop-Me\r\n"
          + "X-Drop-Me: gone\r\n"
          + "Keep-Alive: timeout=5\r\n"
          + "TE: trailers\r\n"
          + "Upgrade: websocket\r\n"
          + "X-Keep-Me: kept\r\n\r\n");
      assertEquals(200, browser.readReply().status());
    }
    HttpOrigin.Seen seen = plain.seen().get(0);
    assertEquals("/headers", seen.uri());
    assertEquals("kept", seen.headers().get("X-Keep-Me"));
    for (String dropped : new String[] {"Proxy-Connection", "Proxy-Authorization", "Proxy-Whatever",
        "X-Drop-Me", "Keep-Alive", "TE", "Upgrade"}) {
      assertNull(seen.headers().get(dropped), dropped + " reached the origin");
    }
    String connection = seen.headers().get("Connection");
    assertTrue(connection == null || !connection.toLowerCase().contains("x-drop-me"), "Connection: " + connection);
  }

  @Test
  void bytesTheServerSendsFirstComeAfterThe200(Vertx vertx) throws Exception {
    TcpOrigin greeter = TcpOrigin.greeter(vertx, "hello from the server\n").start().await();
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("CONNECT greeter.test:" + greeter.port() + " HTTP/1.1\r\n\r\n");
      String expected = "HTTP/1.1 200 Connection Established\r\nProxy-Agent: crabbox\r\n\r\n"
          + "hello from the server\n";
      assertEquals(expected, new String(browser.readExactly(expected.length()), StandardCharsets.ISO_8859_1));
      browser.send("echo\n");
      assertEquals("echo\n", new String(browser.readExactly(5), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void destinationClosingEndsTheBrowserSocket() throws Exception {
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      String target = "plain.test:" + plain.port();
      browser.send("GET http://" + target + "/close HTTP/1.1\r\nHost: " + target + "\r\n\r\n");
      BrowserSocket.Reply reply = browser.readReply();
      assertEquals("plain GET /close body=0\n", reply.text());
      assertTrue(browser.atEnd(), "the proxy should end the browser socket after the origin closed");
    }
  }

  @Test
  void largeDownloadThroughConnectArrivesIntact(Vertx vertx) throws Exception {
    int size = 3 * 1024 * 1024 + 17;
    TcpOrigin bulk = TcpOrigin.bulk(vertx, size).start().await();
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("CONNECT bulk.test:" + bulk.port() + " HTTP/1.1\r\n\r\n");
      browser.readHead();
      byte[] all = browser.readToEnd();
      assertEquals(size, all.length);
    }
    assertFalse(rig.proxy.session().reconnect());
  }
}
