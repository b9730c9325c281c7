package dev.crabbox.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.testing.BrowserSocket;
import dev.crabbox.agent.testing.EgressRig;
import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.agent.testing.TcpOrigin;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Both agents forced to v1 JSON frames (no subprotocol offered): the whole path still works. */
@ExtendWith(VertxExtension.class)
class WireV1Test {

  private EgressRig rig;
  private HttpOrigin origin;

  @BeforeEach
  void start(Vertx vertx) {
    rig = EgressRig.start(vertx, h -> h.setWireVersion(WireVersion.V1), p -> p.setWireVersion(WireVersion.V1));
    origin = HttpOrigin.plain(vertx, "v1origin").start().await();
  }

  @Test
  void bothAgentsSpeakV1() {
    assertEquals(WireVersion.V1, rig.host.session().wire());
    assertEquals(WireVersion.V1, rig.proxy.session().wire());
    rig.relay.upgrades().forEach(upgrade -> assertEquals(null, upgrade.subprotocol()));
  }

  @Test
  void connectTunnelAndLargeDownload(Vertx vertx) throws Exception {
    int size = 2 * 1024 * 1024 + 3;
    TcpOrigin bulk = TcpOrigin.bulk(vertx, size).start().await();
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("CONNECT bulk.test:" + bulk.port() + " HTTP/1.1\r\n\r\n");
      assertEquals("HTTP/1.1 200 Connection Established\r\nProxy-Agent: crabbox\r\n\r\n", browser.readHead());
      byte[] all = browser.readToEnd();
      assertEquals(size, all.length);
      for (int i = 0; i < size; i++) {
        if (all[i] != TcpOrigin.patternAt(i)) {
          throw new AssertionError("byte " + i + " differs");
        }
      }
    }
  }

  @Test
  void absoluteFormPostLargerThanOneV1Chunk() throws Exception {
    String body = "x".repeat(100 * 1024);
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      String target = "v1.test:" + origin.port();
      browser.send("POST http://" + target + "/big HTTP/1.1\r\nHost: " + target + "\r\nContent-Length: "
          + body.length() + "\r\n\r\n" + body);
      BrowserSocket.Reply reply = browser.readReply();
      assertEquals("v1origin POST /big body=" + body.length() + "\n" + body, reply.text());
    }
  }

  @Test
  void refusalTravelsAsV1Error() throws Exception {
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("CONNECT example.org:443 HTTP/1.1\r\n\r\n");
      BrowserSocket.Reply reply = browser.readReply();
      assertEquals(403, reply.status());
      assertEquals("crabbox egress: not allowlisted: example.org\n", reply.text());
    }
  }
}
