package dev.crabbox.protocol.http;

import static dev.crabbox.protocol.http.Requests.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyTrackerTest {

  @Test
  void noBodyIsCompleteAtOnce() throws ProxyRequestException {
    BodyTracker tracker = new BodyTracker(BodyFraming.NONE);
    assertTrue(tracker.complete());
    assertEquals(0, tracker.feed(bytes("GET http://next/ HTTP/1.1")));
    assertTrue(new BodyTracker(new BodyFraming.ContentLength(0)).complete());
  }

  @Test
  void contentLengthCountsBytesAcrossChunks() throws ProxyRequestException {
    BodyTracker tracker = new BodyTracker(new BodyFraming.ContentLength(10));
    assertEquals(4, tracker.feed(bytes("abcd")));
    assertFalse(tracker.complete());
    assertEquals(0, tracker.feed(new byte[0]));
    assertEquals(4, tracker.feed(bytes("efgh")));
    assertEquals(2, tracker.feed(bytes("ijNEXT")));
    assertTrue(tracker.complete());
    assertEquals(0, tracker.feed(bytes("more")));
  }

  @Test
  void contentLengthBeyondIntRange() throws ProxyRequestException {
    BodyTracker tracker = new BodyTracker(new BodyFraming.ContentLength(5_000_000_000L));
    byte[] chunk = new byte[1 << 20];
    long total = 0;
    for (int i = 0; i < 4768; i++) {
      total += tracker.feed(chunk);
    }
    assertEquals(4768L << 20, total);
    assertFalse(tracker.complete());
  }

  @Test
  void chunkedBodyEndsAfterTheLastChunkAndItsCrlf() throws ProxyRequestException {
    String body = "5\r\nhello\r\n0\r\n\r\n";
    BodyTracker tracker = new BodyTracker(BodyFraming.CHUNKED);
    assertEquals(body.length(), tracker.feed(bytes(body + "GET http://next/ HTTP/1.1\r\n")));
    assertTrue(tracker.complete());
  }

  @Test
  void offsetAndLengthSelectTheRegion() throws ProxyRequestException {
    byte[] bytes = bytes("XXX3\r\nabc\r\n0\r\n\r\nYYY");
    BodyTracker tracker = new BodyTracker(BodyFraming.CHUNKED);
    assertEquals(6, tracker.feed(bytes, 3, 6));
    assertFalse(tracker.complete());
    assertEquals(7, tracker.feed(bytes, 9, 10));
    assertTrue(tracker.complete());
    assertThrows(IndexOutOfBoundsException.class, () -> new BodyTracker(BodyFraming.CHUNKED).feed(bytes, 20, 5));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0\r\n\r\n",
      "A\r\n0123456789\r\n0\r\n\r\n",
      "a\r\n0123456789\r\n0000\r\n\r\n",
      "0005\r\nhello\r\n0\r\n\r\n",
      "5;name=value\r\nhello\r\n0;last\r\n\r\n",
      "5 ;x\r\nhello\r\n0\t;y=\"q s\"\r\n\r\n",
      "5\r\nhello\r\n4\r\n\r\n\r\n\r\n0\r\n\r\n",
      "0\r\nX-Checksum: abc\r\nY:\r\nZ: v\tw \u00e9\r\n\r\n",
      "1\r\n\u0000\r\n0\r\n\r\n"})
  void wellFormedChunkedBodies(String body) throws ProxyRequestException {
    BodyTracker tracker = new BodyTracker(BodyFraming.CHUNKED);
    assertEquals(body.length(), tracker.feed(bytes(body + "tail")));
    assertTrue(tracker.complete());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\r\n",
      "g\r\n",
      "-1\r\n",
      " 5\r\nhello\r\n0\r\n\r\n",
      "5\nhello\r\n0\r\n\r\n",
      "5\r\rhello",
      "5 \r\nhello\r\n0\r\n\r\n",
      "5 x\r\n",
      "5;a\u0001\r\n",
      "5;a\n",
      "5\r\nhelloX\r\n",
      "5\r\nhello\rX",
      "5\r\nhello\n",
      "1000000000000000\r\n",
      "0\r\n\n",
      "0\r\nX\r\n\r\n",
      "0\r\nBad Name: v\r\n\r\n",
      "0\r\n: v\r\n\r\n",
      "0\r\nX: a\u0001\r\n\r\n",
      "0\r\nX: a\r\r\n",
      "0\r\n\rx"})
  void malformedChunkedBodiesAreRefused(String body) {
    BodyTracker tracker = new BodyTracker(BodyFraming.CHUNKED);
    ProxyRequestException e = assertThrows(ProxyRequestException.class, () -> tracker.feed(bytes(body)));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("bad chunked request body: "), e.getMessage());
  }

  @Test
  void fifteenHexDigitsAreTheLargestChunkSize() throws ProxyRequestException {
    BodyTracker tracker = new BodyTracker(BodyFraming.CHUNKED);
    assertEquals(17, tracker.feed(bytes("fffffffffffffff\r\n")));
    assertEquals(3, tracker.feed(bytes("abc")));
    assertFalse(tracker.complete());
  }

  @Test
  void lineAndTrailerLimits() throws ProxyRequestException {
    String longExtension = "5;" + "e".repeat(BodyTracker.MAX_CHUNK_LINE_BYTES) + "\r\n";
    assertThrows(ProxyRequestException.class, () -> new BodyTracker(BodyFraming.CHUNKED).feed(bytes(longExtension)));
    String longTrailer = "0\r\nX: " + "v".repeat(BodyTracker.MAX_TRAILER_LINE_BYTES) + "\r\n\r\n";
    assertThrows(ProxyRequestException.class, () -> new BodyTracker(BodyFraming.CHUNKED).feed(bytes(longTrailer)));
    StringBuilder trailers = new StringBuilder("0\r\n");
    for (int i = 0; i < BodyTracker.MAX_TRAILERS; i++) {
      trailers.append("T").append(i).append(": v\r\n");
    }
    BodyTracker ok = new BodyTracker(BodyFraming.CHUNKED);
    ok.feed(bytes(trailers + "\r\n"));
    assertTrue(ok.complete());
    assertThrows(ProxyRequestException.class,
        () -> new BodyTracker(BodyFraming.CHUNKED).feed(bytes(trailers + "Extra: v\r\n\r\n")));
  }

  @Test
  void negativeContentLengthCannotBeExpressed() {
    assertThrows(IllegalArgumentException.class, () -> new BodyFraming.ContentLength(-1));
    assertThrows(NullPointerException.class, () -> new BodyTracker(null));
  }
}
