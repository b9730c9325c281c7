package dev.crabbox.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.agent.testing.BrowserSocket;
import dev.crabbox.agent.testing.EgressRig;
import dev.crabbox.agent.testing.HttpOrigin;
import dev.crabbox.agent.testing.RecordingDialer;
import dev.crabbox.agent.testing.TestResolvers;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the egress host refuses, and how the lease proxy tells the browser: allowlist, address
 * policy (every resolved address, numeric spellings), dial failures and timeouts.
 */
@ExtendWith(VertxExtension.class)
class HostPolicyTest {

  private static final String PUBLIC_A = "93.184.216.34";
  private static final String PUBLIC_B = "151.101.1.69";

  private HttpOrigin origin;

  @BeforeEach
  void origin(Vertx vertx) {
    origin = HttpOrigin.plain(vertx, "origin").start().await();
  }

  @Test
  void hostOffTheAllowlistIs403(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx);
    BrowserSocket.Reply reply = connect(rig, "example.org:443");
    assertEquals("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 45\r\n"
        + "Connection: close\r\n\r\n", reply.head());
    assertEquals("crabbox egress: not allowlisted: example.org\n", reply.text());
  }

  @Test
  void privateAddressWithoutOptInIs403WithTheRule(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx, h -> h.setAllowPrivateDestinations(false), p -> { });
    BrowserSocket.Reply reply = connect(rig, "plain.test:" + origin.port());
    assertEquals(403, reply.status());
    assertEquals("crabbox egress: blocked destination: plain.test resolves to 127.0.0.1 (loopback)\n", reply.text());
    assertTrue(origin.seen().isEmpty());
  }

  @Test
  void numericSpellingOfLoopbackIsCheckedWithoutLookup(Vertx vertx) throws Exception {
    TestResolvers.Fixed resolver = new TestResolvers.Fixed(Map.of());
    EgressRig rig = EgressRig.start(vertx, h -> h
        .setAllowPrivateDestinations(false)
        .setAllowlist(EgressRig.allowlist("2130706433"))
        .setResolver(resolver), p -> { });
    BrowserSocket.Reply reply = connect(rig, "2130706433:" + origin.port());
    assertEquals(403, reply.status());
    assertEquals("crabbox egress: blocked destination: 2130706433 resolves to 127.0.0.1 (loopback)\n", reply.text());
    assertEquals(0, resolver.lookups.get());
  }

  @Test
  void privateAddressWithOptInIsDialled(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx, h -> h.setAllowPrivateDestinations(true), p -> { });
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      String target = "plain.test:" + origin.port();
      browser.send("GET http://" + target + "/ok HTTP/1.1\r\nHost: " + target + "\r\n\r\n");
      assertEquals("origin GET /ok body=0\n", browser.readReply().text());
    }
  }

  @Test
  void mixedPublicAndPrivateAnswersAreRefusedWithoutDialling(Vertx vertx) throws Exception {
    TestResolvers.Fixed resolver = new TestResolvers.Fixed(Map.of("mixed.test",
        List.of(TestResolvers.address(PUBLIC_A), TestResolvers.address("10.1.2.3"))));
    RecordingDialer dialer = RecordingDialer.toLoopback(vertx, origin.port());
    EgressRig rig = EgressRig.start(vertx, h -> h
        .setAllowPrivateDestinations(false)
        .setResolver(resolver)
        .setDialer(dialer), p -> { });
    BrowserSocket.Reply reply = connect(rig, "mixed.test:443");
    assertEquals(403, reply.status());
    assertEquals("crabbox egress: blocked destination: mixed.test resolves to 10.1.2.3 (private)\n", reply.text());
    assertTrue(dialer.dials().isEmpty(), "nothing may be dialled when any answer is refused");
  }

  @Test
  void publicOnlyAnswersDialTheCheckedAddressOnce(Vertx vertx) throws Exception {
    TestResolvers.Fixed resolver = new TestResolvers.Fixed(Map.of("public.test",
        List.of(TestResolvers.address(PUBLIC_A), TestResolvers.address(PUBLIC_B))));
    RecordingDialer dialer = RecordingDialer.toLoopback(vertx, origin.port());
    EgressRig rig = EgressRig.start(vertx, h -> h
        .setAllowPrivateDestinations(false)
        .setResolver(resolver)
        .setDialer(dialer), p -> { });
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("GET http://public.test:8080/checked HTTP/1.1\r\nHost: public.test:8080\r\n\r\n");
      assertEquals("origin GET /checked body=0\n", browser.readReply().text());
    }
    assertEquals(List.of(new RecordingDialer.Dial(TestResolvers.address(PUBLIC_A), 8080)), dialer.dials());
    assertEquals(1, resolver.lookups.get());
  }

  @Test
  void aFailedAddressFallsBackToTheNextCheckedOne(Vertx vertx) throws Exception {
    TestResolvers.Fixed resolver = new TestResolvers.Fixed(Map.of("two.test",
        List.of(TestResolvers.address(PUBLIC_A), TestResolvers.address(PUBLIC_B))));
    RecordingDialer first = RecordingDialer.refusing(vertx);
    RecordingDialer second = RecordingDialer.toLoopback(vertx, origin.port());
    Dialer dialer = (address, port, timeout) -> address.getHostAddress().equals(PUBLIC_A)
        ? first.dial(address, port, timeout) : second.dial(address, port, timeout);
    EgressRig rig = EgressRig.start(vertx, h -> h
        .setAllowPrivateDestinations(false)
        .setResolver(resolver)
        .setDialer(dialer), p -> { });
    try (BrowserSocket browser = new BrowserSocket(rig.proxyPort())) {
      browser.send("GET http://two.test/x HTTP/1.1\r\nHost: two.test\r\n\r\n");
      assertEquals("origin GET /x body=0\n", browser.readReply().text());
    }
    assertEquals(1, first.dials().size());
    assertEquals(List.of(new RecordingDialer.Dial(TestResolvers.address(PUBLIC_B), 80)), second.dials());
    assertEquals(1, resolver.lookups.get());
  }

  @Test
  void unresolvableNameIs502(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx, h -> h.setAllowlist(EgressRig.allowlist("*.test", "nowhere.example")),
        p -> { });
    BrowserSocket.Reply reply = connect(rig, "nowhere.example:443");
    assertEquals("HTTP/1.1 502 Bad Gateway", reply.head().split("\r\n")[0]);
    assertEquals("crabbox egress: open failed: cannot resolve nowhere.example:443\n", reply.text());
  }

  @Test
  void refusedDialIs502(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx, h -> h.setDialer(RecordingDialer.refusing(vertx)), p -> { });
    BrowserSocket.Reply reply = connect(rig, "plain.test:9");
    assertEquals(502, reply.status());
    assertEquals("crabbox egress: open failed: connecting to plain.test:9: Connection refused\n", reply.text());
  }

  @Test
  void connectWithoutPortIs400WithTheExactMessage(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx);
    BrowserSocket.Reply reply = BrowserSocket.exchange(rig.proxyPort(),
        "CONNECT example.com HTTP/1.1\r\nHost: example.com\r\n\r\n");
    assertEquals("HTTP/1.1 400 Bad Request", reply.head().split("\r\n")[0]);
    assertEquals("crabbox egress: CONNECT target must include port: example.com\n", reply.text());
  }

  @Test
  void originFormRequestIs400(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx);
    BrowserSocket.Reply reply = BrowserSocket.exchange(rig.proxyPort(),
        "GET /direct HTTP/1.1\r\nHost: plain.test\r\n\r\n");
    assertEquals(400, reply.status());
    assertEquals("crabbox egress: a proxy request needs absolute-form or CONNECT\n", reply.text());
  }

  @Test
  void unansweredOpenIs504AfterTheOpenTimeout(Vertx vertx) throws Exception {
    RecordingDialer dialer = RecordingDialer.never(vertx);
    EgressRig rig = EgressRig.start(vertx, h -> h.setDialer(dialer),
        p -> p.setOpenTimeout(Duration.ofMillis(200)));
    BrowserSocket.Reply reply = connect(rig, "plain.test:" + origin.port());
    assertEquals("HTTP/1.1 504 Gateway Timeout", reply.head().split("\r\n")[0]);
    assertEquals("crabbox egress: open timeout: plain.test:" + origin.port()
        + ": no answer from the host agent within 200 ms\n", reply.text());
    assertEquals(1, dialer.dials().size());
  }

  @Test
  void hostDialTimeoutIs504(Vertx vertx) throws Exception {
    EgressRig rig = EgressRig.start(vertx, h -> h
        .setDialer(RecordingDialer.never(vertx))
        .setDialTimeout(Duration.ofMillis(100)), p -> { });
    BrowserSocket.Reply reply = connect(rig, "plain.test:1234");
    assertEquals(504, reply.status());
    assertEquals("crabbox egress: open timeout: connecting to plain.test:1234: no answer within 100 ms\n",
        reply.text());
  }

  private static BrowserSocket.Reply connect(EgressRig rig, String target) throws Exception {
    return BrowserSocket.exchange(rig.proxyPort(), "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n");
  }
}
