package dev.crabbox.protocol.http;

import static dev.crabbox.protocol.http.Requests.bytes;
import static dev.crabbox.protocol.http.Requests.forward;
import static dev.crabbox.protocol.http.Requests.parse;
import static dev.crabbox.protocol.http.Requests.rewritten;
import static dev.crabbox.protocol.http.Requests.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.protocol.frame.HostPort;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyRequestParserTest {

  @Test
  void connectYieldsTheTargetAndKeepsTunnelBytes() throws ProxyRequestException {
    ProxyRequestParser parser = new ProxyRequestParser();
    Optional<ProxyRequest> request = parser.feed(bytes("CONNECT example.com:443 HTTP/1.1\r\n"
        + "Host: example.com:443\r\nProxy-Connection: keep-alive\r\n\r\n\u0016\u0003\u0001"));
    assertEquals(Optional.of(new ProxyRequest.Connect(new HostPort("example.com", 443))), request);
    assertArrayEquals(new byte[] {0x16, 3, 1}, parser.takeRemainder());
    assertArrayEquals(new byte[0], parser.takeRemainder());
  }

  @Test
  void connectAcceptsIpv6AndLowercasesNames() throws ProxyRequestException {
    assertEquals(new HostPort("::1", 8443), parse("CONNECT [::1]:8443 HTTP/1.1\r\n\r\n").target());
    assertEquals(new HostPort("example.com", 443),
        parse("CONNECT Example.COM:443 HTTP/1.0\r\n\r\n").target());
    assertEquals(new HostPort("10.0.0.1", 22), parse("CONNECT 10.0.0.1:22 HTTP/1.1\r\n\r\n").target());
  }

  @Test
  void connectWithoutPortIsRefusedWithTheContractMessage() {
    assertRefused(400, "CONNECT target must include port: example.com",
        "CONNECT example.com HTTP/1.1\r\n\r\n");
    assertRefused(400, "CONNECT target must include port: [::1]", "CONNECT [::1] HTTP/1.1\r\n\r\n");
  }

  @Test
  void connectWithABadTargetIsRefused() {
    for (String target : new String[] {"example.com:0", "example.com:65536", "example.com:https",
        "example.com:", ":443", "exa%6dple.com:443", "[1.2.3.4]:443", "[::1:443", "a:b:443",
        "http://example.com:443/", "[zz::1]:443"}) {
      assertRefused(400, "CONNECT target is not host:port: " + target,
          "CONNECT " + target + " HTTP/1.1\r\n\r\n");
    }
  }

  @Test
  void absoluteFormIsRewrittenToOriginForm() throws ProxyRequestException {
    ProxyRequest.Forward forward = forward("GET http://example.com/path/x?q=1&r=%20 HTTP/1.1\r\n"
        + "Host: example.com\r\nUser-Agent: test\r\nAccept: */*\r\n\r\n");
    assertEquals(new HostPort("example.com", 80), forward.target());
    assertEquals(BodyFraming.NONE, forward.body());
    assertEquals("GET /path/x?q=1&r=%20 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: test\r\n"
        + "Accept: */*\r\n\r\n", text(forward.head()));
  }

  @Test
  void httpsDefaultsTo443AndExplicitPortsAreKept() throws ProxyRequestException {
    assertEquals(new HostPort("example.com", 443),
        forward("GET https://example.com/ HTTP/1.1\r\n\r\n").target());
    ProxyRequest.Forward custom = forward("GET http://example.com:8080/ HTTP/1.1\r\n\r\n");
    assertEquals(new HostPort("example.com", 8080), custom.target());
    assertEquals("GET / HTTP/1.1\r\nHost: example.com:8080\r\n\r\n", text(custom.head()));
    assertEquals("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
        rewritten("GET http://example.com:80/ HTTP/1.1\r\n\r\n"));
    assertEquals("GET / HTTP/1.1\r\nHost: example.com:80\r\n\r\n",
        rewritten("GET https://example.com:80/ HTTP/1.1\r\n\r\n"));
    assertEquals(new HostPort("example.com", 80), forward("GET http://example.com:/ HTTP/1.1\r\n\r\n").target());
  }

  @Test
  void ipv6UrlsKeepBracketsInHost() throws ProxyRequestException {
    ProxyRequest.Forward forward = forward("GET http://[2001:DB8::1]:8080/x HTTP/1.1\r\n\r\n");
    assertEquals(new HostPort("2001:db8::1", 8080), forward.target());
    assertEquals("GET /x HTTP/1.1\r\nHost: [2001:db8::1]:8080\r\n\r\n", text(forward.head()));
  }

  @Test
  void emptyPathQueryOnlyAndFragmentsAreNormalized() throws ProxyRequestException {
    assertEquals("GET / HTTP/1.1\r\nHost: a.b\r\n\r\n", rewritten("GET http://a.b HTTP/1.1\r\n\r\n"));
    assertEquals("GET /?x=1 HTTP/1.1\r\nHost: a.b\r\n\r\n", rewritten("GET http://a.b?x=1 HTTP/1.1\r\n\r\n"));
    assertEquals("GET /p HTTP/1.1\r\nHost: a.b\r\n\r\n", rewritten("GET http://a.b/p#frag HTTP/1.1\r\n\r\n"));
    assertEquals("GET / HTTP/1.1\r\nHost: a.b\r\n\r\n", rewritten("GET HTTP://A.B#x HTTP/1.1\r\n\r\n"));
  }

  @Test
  void hostIsSetFromTheUrlWhetherAbsentOrDifferent() throws ProxyRequestException {
    assertEquals("POST /x HTTP/1.1\r\nHost: example.com\r\nContent-Length: 0\r\n\r\n",
        rewritten("POST http://example.com/x HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));
    // The position and spelling of the original Host line are kept; its value is the URL's.
    assertEquals("GET / HTTP/1.1\r\nAccept: x\r\nhost: example.com\r\n\r\n",
        rewritten("GET http://example.com/ HTTP/1.1\r\nAccept: x\r\nhost: intranet.local\r\n\r\n"));
  }

  @Test
  void hopByHopAndProxyHeadersAreStrippedEverythingElseKeptVerbatim() throws ProxyRequestException {
    String head = "POST http://example.com/upload HTTP/1.1\r\n"
        + "Host: example.com\r\n"
        + "Connection: keep-alive, X-Hop, Content-Length, Host, Transfer-Encoding\r\n"
        + "X-Hop: 1\r\n"
        + "Keep-Alive: timeout=5\r\n"
        + "TE: trailers\r\n"
        + "Trailer: X-Checksum\r\n"
        + "Upgrade: h2c\r\n"
        + "Proxy-Connection: keep-alive\r\n"
        + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\n"
        + "Proxy-Authenticate: Basic\r\n"
        + "PROXY-Custom: x\r\n"
        + "x-CUSTOM-case:   spaced value  \r\n"
        + "Expect: 100-continue\r\n"
        + "Transfer-Encoding: chunked\r\n"
        + "Cookie: a=b; c=d\r\n"
        + "\r\n";
    ProxyRequest.Forward forward = forward(head);
    assertEquals("POST /upload HTTP/1.1\r\n"
        + "Host: example.com\r\n"
        + "x-CUSTOM-case:   spaced value  \r\n"
        + "Expect: 100-continue\r\n"
        + "Transfer-Encoding: chunked\r\n"
        + "Cookie: a=b; c=d\r\n"
        + "\r\n", text(forward.head()));
    assertEquals(BodyFraming.CHUNKED, forward.body());
  }

  @Test
  void http10IsAcceptedAndItsVersionKept() throws ProxyRequestException {
    assertEquals("GET / HTTP/1.0\r\nHost: a.b\r\n\r\n", rewritten("GET http://a.b/ HTTP/1.0\r\n\r\n"));
  }

  @Test
  void anyTokenIsAMethod() throws ProxyRequestException {
    for (String method : new String[] {"PROPFIND", "M-SEARCH", "PATCH", "get", "X~Y!"}) {
      assertTrue(rewritten(method + " http://a.b/ HTTP/1.1\r\n\r\n").startsWith(method + " / HTTP/1.1\r\n"));
    }
  }

  @Test
  void contentLengthFramesTheBodyAndDuplicatesCollapse() throws ProxyRequestException {
    ProxyRequest.Forward one = forward("POST http://a.b/ HTTP/1.1\r\nContent-Length: 12\r\n\r\n");
    assertEquals(new BodyFraming.ContentLength(12), one.body());
    ProxyRequest.Forward twice = forward("POST http://a.b/ HTTP/1.1\r\ncontent-length:5\r\nX: y\r\n"
        + "Content-Length: 5, 5\r\n\r\n");
    assertEquals(new BodyFraming.ContentLength(5), twice.body());
    assertEquals("POST / HTTP/1.1\r\nHost: a.b\r\ncontent-length: 5\r\nX: y\r\n\r\n", text(twice.head()));
    assertEquals(new BodyFraming.ContentLength(0),
        forward("POST http://a.b/ HTTP/1.1\r\nContent-Length: 0\r\n\r\n").body());
  }

  @Test
  void transferEncodingMustEndInChunkedOnce() throws ProxyRequestException {
    assertEquals(BodyFraming.CHUNKED, forward("POST http://a.b/ HTTP/1.1\r\n"
        + "Transfer-Encoding: gzip, Chunked\r\n\r\n").body());
    assertEquals(BodyFraming.CHUNKED, forward("POST http://a.b/ HTTP/1.1\r\n"
        + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n").body());
    for (String te : new String[] {"chunked, gzip", "chunked, chunked", "identity", "", "gzip",
        "chunked\r\nTransfer-Encoding: chunked"}) {
      assertRefused(400, "unsupported Transfer-Encoding: the final coding must be chunked, once",
          "POST http://a.b/ HTTP/1.1\r\nTransfer-Encoding: " + te + "\r\n\r\n");
    }
  }

  @Test
  void ambiguousFramingIsRefused() {
    assertRefused(400, "request has both Content-Length and Transfer-Encoding",
        "POST http://a.b/ HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
    assertRefused(400, "request has both Content-Length and Transfer-Encoding",
        "POST http://a.b/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n");
    assertRefused(400, "conflicting Content-Length values",
        "POST http://a.b/ HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n");
    assertRefused(400, "conflicting Content-Length values",
        "POST http://a.b/ HTTP/1.1\r\nContent-Length: 5, 6\r\n\r\n");
    for (String value : new String[] {"abc", "-1", "+5", "5 5", "0x10", "", "1234567890123456789",
        "5,", ",5"}) {
      assertRefused(400, "invalid Content-Length",
          "POST http://a.b/ HTTP/1.1\r\nContent-Length: " + value + "\r\n\r\n");
    }
    assertRefused(400, "Transfer-Encoding is not allowed in HTTP/1.0 requests",
        "POST http://a.b/ HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n");
    assertRefused(400, "request has more than one Host header",
        "GET http://a.b/ HTTP/1.1\r\nHost: a.b\r\nHost: c.d\r\n\r\n");
  }

  @Test
  void nonProxyFormsAreRefused() {
    assertRefused(400, "a proxy request needs absolute-form or CONNECT", "GET /x HTTP/1.1\r\nHost: a.b\r\n\r\n");
    assertRefused(400, "a proxy request needs absolute-form or CONNECT", "OPTIONS * HTTP/1.1\r\n\r\n");
    assertRefused(400, "a proxy request needs absolute-form or CONNECT",
        "GET /r?u=http://a.b/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "a proxy request needs absolute-form or CONNECT", "GET ://a.b/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "unsupported URL scheme in proxy request: git+ssh",
        "GET git+ssh://a.b/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "a proxy request needs absolute-form or CONNECT", "GET example.com:80 HTTP/1.1\r\n\r\n");
    assertRefused(400, "unsupported URL scheme in proxy request: ftp", "GET ftp://a.b/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "unsupported URL scheme in proxy request: ws", "GET ws://a.b/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "proxy request URL must not contain credentials",
        "GET http://user:pw@a.b/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "proxy request URL must not contain credentials",
        "GET http://allowed.com@10.0.0.1/ HTTP/1.1\r\n\r\n");
  }

  @Test
  void badUrlHostsAndPortsAreRefused() {
    for (String authority : new String[] {"", ":80", "a%2eb", "[::1", "[::1]x", "[a.b]", "a b", "a:b:c"}) {
      ProxyRequestException e = assertThrows(ProxyRequestException.class,
          () -> parse("GET http://" + authority + "/ HTTP/1.1\r\n\r\n"));
      assertEquals(400, e.status(), authority);
    }
    assertRefused(400, "bad port in proxy request URL: 0", "GET http://a.b:0/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "bad port in proxy request URL: 65536", "GET http://a.b:65536/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "bad host in proxy request URL: a%2eb", "GET http://a%2eb/ HTTP/1.1\r\n\r\n");
  }

  @Test
  void malformedRequestLinesAreRefused() {
    for (String line : new String[] {"GET  http://a.b/ HTTP/1.1", "GET http://a.b/  HTTP/1.1",
        " GET http://a.b/ HTTP/1.1", "GET http://a.b/", "GET", "GE(T http://a.b/ HTTP/1.1",
        "GET http://a.b/ HTTP/1.1 extra", "GET http://a.b/ http/1.1", "GET http://a.b/ HTTP/1.10",
        "GET http://a.b/\u00e9 HTTP/1.1", "GET http://a.b/\u007f HTTP/1.1", "GET http://a.b/ HTTP/1"}) {
      ProxyRequestException e = assertThrows(ProxyRequestException.class, () -> parse(line + "\r\n\r\n"));
      assertEquals(400, e.status(), line);
    }
    assertRefused(505, "HTTP version not supported: HTTP/2.0", "GET http://a.b/ HTTP/2.0\r\n\r\n");
    assertRefused(505, "HTTP version not supported: HTTP/0.9", "GET http://a.b/ HTTP/0.9\r\n\r\n");
  }

  @Test
  void malformedHeaderLinesAreRefused() {
    for (String field : new String[] {"Bad Name: x", "Name : x", " folded: x", "\tfolded: x",
        "no-colon", ": empty-name", "X: a\u0001b", "X: a\u007fb", "Na(me): x", "\u00e9: x"}) {
      ProxyRequestException e = assertThrows(ProxyRequestException.class,
          () -> parse("GET http://a.b/ HTTP/1.1\r\nHost: a.b\r\n" + field + "\r\n\r\n"));
      assertEquals(400, e.status(), field);
    }
  }

  @Test
  void obsTextAndTabsAreAllowedInValues() throws ProxyRequestException {
    assertEquals("GET / HTTP/1.1\r\nHost: a.b\r\nX-Name: Ren\u00e9\tM\r\n\r\n",
        rewritten("GET http://a.b/ HTTP/1.1\r\nX-Name: Ren\u00e9\tM\r\n\r\n"));
    assertEquals("GET / HTTP/1.1\r\nHost: a.b\r\nX-Empty:\r\n\r\n",
        rewritten("GET http://a.b/ HTTP/1.1\r\nX-Empty:\r\n\r\n"));
  }

  @Test
  void lineEndingsMustBeCrlf() {
    assertRefused(400, "bare LF in request head", "GET http://a.b/ HTTP/1.1\nHost: a.b\n\n");
    assertRefused(400, "bare LF in request head", "GET http://a.b/ HTTP/1.1\r\nHost: a.b\r\n\n");
    assertRefused(400, "bare CR in request head", "GET http://a.b/ HTTP/1.1\r\nX: a\rb\r\n\r\n");
    assertRefused(400, "bare LF in request head", "\nGET http://a.b/ HTTP/1.1\r\n\r\n");
    assertRefused(400, "NUL byte in request head", "GET http://a.b/ HTTP/1.1\r\nX: a\u0000\r\n\r\n");
  }

  @Test
  void leadingEmptyLinesAreIgnored() throws ProxyRequestException {
    assertEquals("GET / HTTP/1.1\r\nHost: a.b\r\n\r\n", rewritten("\r\n\r\nGET http://a.b/ HTTP/1.1\r\n\r\n"));
  }

  @Test
  void limitsAreEnforced() throws ProxyRequestException {
    String longTarget = "http://a.b/" + "x".repeat(ProxyRequestParser.MAX_LINE_BYTES);
    assertRefused(414, "request line longer than 8192 bytes", "GET " + longTarget + " HTTP/1.1\r\n\r\n");
    assertRefused(431, "header line longer than 8192 bytes",
        "GET http://a.b/ HTTP/1.1\r\nX: " + "v".repeat(ProxyRequestParser.MAX_LINE_BYTES) + "\r\n\r\n");
    StringBuilder hundred = new StringBuilder("GET http://a.b/ HTTP/1.1\r\n");
    for (int i = 0; i < ProxyRequestParser.MAX_HEADERS; i++) {
      hundred.append("X-").append(i).append(": v\r\n");
    }
    assertTrue(parse(hundred + "\r\n") instanceof ProxyRequest.Forward);
    assertRefused(431, "more than 100 header fields", hundred + "X-Last: v\r\n\r\n");
    String almost = "GET http://a.b/ HTTP/1.1\r\nX: " + "v".repeat(8000) + "\r\n";
    assertRefused(431, "request head larger than 65536 bytes", almost.repeat(9) + "\r\n");
  }

  @Test
  void linesOfExactlyTheLimitAreAccepted() throws ProxyRequestException {
    String prefix = "GET http://a.b/";
    String suffix = " HTTP/1.1";
    int fill = ProxyRequestParser.MAX_LINE_BYTES - prefix.length() - suffix.length();
    assertTrue(parse(prefix + "x".repeat(fill) + suffix + "\r\n\r\n") instanceof ProxyRequest.Forward);
    assertRefused(414, "request line longer than 8192 bytes",
        prefix + "x".repeat(fill + 1) + suffix + "\r\n\r\n");
    String field = "X: " + "v".repeat(ProxyRequestParser.MAX_LINE_BYTES - 3);
    assertTrue(parse("GET http://a.b/ HTTP/1.1\r\n" + field + "\r\n\r\n") instanceof ProxyRequest.Forward);
    assertRefused(431, "header line longer than 8192 bytes",
        "GET http://a.b/ HTTP/1.1\r\n" + field + "v\r\n\r\n");
  }

  @Test
  void maxHeadBytesIsExactlyTheLimit() throws ProxyRequestException {
    String head = "GET http://a.b/ HTTP/1.1\r\nX: vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\r\n\r\n";
    assertTrue(new ProxyRequestParser(head.length()).feed(bytes(head + "body")).isPresent());
    ProxyRequestException e = assertThrows(ProxyRequestException.class,
        () -> new ProxyRequestParser(head.length() - 1).feed(bytes(head)));
    assertEquals(431, e.status());
    assertThrows(IllegalArgumentException.class, () -> new ProxyRequestParser(10));
  }

  @Test
  void anIncompleteHeadOverTheLimitFailsWithoutWaitingForItsEnd() {
    ProxyRequestParser parser = new ProxyRequestParser(1024);
    byte[] line = bytes("X-Filler: " + "f".repeat(100) + "\r\n");
    assertThrows(ProxyRequestException.class, () -> {
      parser.feed(bytes("GET http://a.b/ HTTP/1.1\r\n"));
      for (int i = 0; i < 20; i++) {
        parser.feed(line);
      }
    });
  }

  @Test
  void byteByByteFeedingGivesTheSameRequest() throws ProxyRequestException {
    String head = "POST http://example.com/x HTTP/1.1\r\nHost: example.com\r\nContent-Length: 3\r\n\r\n";
    ProxyRequestParser parser = new ProxyRequestParser();
    byte[] all = bytes(head + "abc");
    Optional<ProxyRequest> result = Optional.empty();
    int i = 0;
    for (; i < all.length && result.isEmpty(); i++) {
      assertEquals(i, parser.bufferedBytes());
      result = parser.feed(new byte[] {all[i]});
    }
    assertEquals(head.length(), i);
    assertEquals(parse(head), result.orElseThrow());
    assertArrayEquals(new byte[0], parser.takeRemainder());
    assertEquals(0, parser.bufferedBytes());
  }

  @Test
  void keepAliveRequestsAreParsedOneAfterAnother() throws ProxyRequestException {
    ProxyRequestParser parser = new ProxyRequestParser();
    assertNull(parser.takeRemainder());
    assertEquals(Optional.empty(), parser.feed(new byte[0]));
    String first = "POST http://a.b/1 HTTP/1.1\r\nContent-Length: 4\r\n\r\n";
    String second = "GET http://c.d/2 HTTP/1.1\r\n\r\n";
    ProxyRequest.Forward one = (ProxyRequest.Forward) parser.feed(bytes(first + "body" + second)).orElseThrow();
    assertEquals(new HostPort("a.b", 80), one.target());
    // The remainder must be taken before the parser reads the next head.
    assertThrows(IllegalStateException.class, () -> parser.feed(bytes("x")));
    byte[] rest = parser.takeRemainder();
    BodyTracker body = new BodyTracker(one.body());
    int used = body.feed(rest);
    assertEquals(4, used);
    assertTrue(body.complete());
    byte[] next = java.util.Arrays.copyOfRange(rest, used, rest.length);
    ProxyRequest two = parser.feed(next).orElseThrow();
    assertEquals(new HostPort("c.d", 80), two.target());
    assertArrayEquals(new byte[0], parser.takeRemainder());
    assertTrue(parser.feed(bytes("GET http://e.f/ HTTP/1.1\r\n\r\n")).isPresent(),
        "an empty remainder need not be taken");
  }

  @Test
  void aFailedParserRefusesFurtherInput() {
    ProxyRequestParser parser = new ProxyRequestParser();
    assertThrows(ProxyRequestException.class, () -> parser.feed(bytes("GET /x HTTP/1.1\r\n\r\n")));
    assertThrows(IllegalStateException.class, () -> parser.feed(bytes("GET http://a.b/ HTTP/1.1\r\n\r\n")));
  }

  @Test
  void forwardToStringHidesTheHead() throws ProxyRequestException {
    ProxyRequest.Forward forward = forward("GET http://a.b/?token=secret HTTP/1.1\r\n\r\n");
    assertFalse(forward.toString().contains("secret"));
    assertEquals(forward, forward("GET http://a.b/?token=secret HTTP/1.1\r\n\r\n"));
    assertEquals(forward.hashCode(), forward("GET http://a.b/?token=secret HTTP/1.1\r\n\r\n").hashCode());
  }

  @Test
  void errorMessagesAreOnePrintableLine() {
    ProxyRequestException e = assertThrows(ProxyRequestException.class,
        () -> parse("CONNECT " + "\u00ff".repeat(300) + " HTTP/1.1\r\n\r\n"));
    assertEquals(400, e.status());
    ProxyRequestException target = assertThrows(ProxyRequestException.class,
        () -> parse("CONNECT " + "a".repeat(300) + " HTTP/1.1\r\n\r\n"));
    assertTrue(target.getMessage().length() < 260, target.getMessage());
    assertTrue(target.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f));
  }

  private static void assertRefused(int status, String message, String head) {
    ProxyRequestException e = assertThrows(ProxyRequestException.class, () -> parse(head), head);
    assertEquals(message, e.getMessage());
    assertEquals(status, e.status());
  }
}
