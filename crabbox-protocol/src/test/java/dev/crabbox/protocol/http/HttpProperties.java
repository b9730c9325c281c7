package dev.crabbox.protocol.http;

import static dev.crabbox.protocol.http.Requests.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class HttpProperties {

  /** What feeding a whole input produced: a request and its remainder, or a refusal. */
  record Outcome(ProxyRequest request, String remainder, int status, String message) {
    static Outcome of(List<byte[]> chunks) {
      ProxyRequestParser parser = new ProxyRequestParser(4096);
      try {
        for (int i = 0; i < chunks.size(); i++) {
          Optional<ProxyRequest> request = parser.feed(chunks.get(i));
          if (request.isPresent()) {
            StringBuilder rest = new StringBuilder(Requests.text(parser.takeRemainder()));
            for (int j = i + 1; j < chunks.size(); j++) {
              rest.append(Requests.text(chunks.get(j)));
            }
            return new Outcome(request.get(), rest.toString(), 0, null);
          }
        }
        return new Outcome(null, null, 0, "incomplete");
      } catch (ProxyRequestException e) {
        return new Outcome(null, null, e.status(), e.getMessage());
      }
    }
  }

  @Property(tries = 1500)
  void arbitraryChunkingGivesTheSameResultAsOneChunk(@ForAll("requestsAndMutations") String request,
      @ForAll @Size(max = 12) List<Integer> cuts) {
    byte[] whole = bytes(request);
    assertEquals(Outcome.of(List.of(whole)), Outcome.of(Chunks.split(whole, cuts)));
  }

  @Property(tries = 1500)
  void arbitraryBytesOnlyEverFailWithProxyRequestException(@ForAll("httpishBytes") byte[] input,
      @ForAll @Size(max = 6) List<Integer> cuts) {
    ProxyRequestParser parser = new ProxyRequestParser(1024);
    try {
      for (byte[] chunk : Chunks.split(input, cuts)) {
        if (parser.feed(chunk).isPresent()) {
          byte[] rest = parser.takeRemainder();
          // Keep going as a kept-alive socket would: the rest may hold the next request.
          while (rest.length > 0 && parser.feed(rest).isPresent()) {
            rest = parser.takeRemainder();
          }
        }
      }
    } catch (ProxyRequestException e) {
      assertTrue(e.status() >= 400 && e.status() < 600);
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Property(tries = 1000)
  void bodyTrackerFindsTheEndOfAChunkedBodyUnderAnyChunking(@ForAll("chunkedBodies") String body,
      @ForAll @Size(max = 10) List<Integer> cuts) throws ProxyRequestException {
    byte[] input = bytes(body + "GET http://next/ HTTP/1.1\r\n\r\n");
    BodyTracker tracker = new BodyTracker(BodyFraming.CHUNKED);
    int consumed = 0;
    for (byte[] chunk : Chunks.split(input, cuts)) {
      assertEquals(consumed >= body.length(), tracker.complete());
      consumed += tracker.feed(chunk);
    }
    assertEquals(body.length(), consumed);
    assertTrue(tracker.complete());
  }

  @Property(tries = 500)
  void bodyTrackerCountsContentLengthUnderAnyChunking(@ForAll @Size(max = 2000) byte[] tail,
      @ForAll("lengths") int length, @ForAll @Size(max = 10) List<Integer> cuts)
      throws ProxyRequestException {
    byte[] input = Arrays.copyOf(tail, Math.max(tail.length, length) + 3);
    BodyTracker tracker = new BodyTracker(new BodyFraming.ContentLength(length));
    int consumed = 0;
    for (byte[] chunk : Chunks.split(input, cuts)) {
      consumed += tracker.feed(chunk);
    }
    assertEquals(length, consumed);
    assertTrue(tracker.complete());
  }

  @Provide
  Arbitrary<String> requestsAndMutations() {
    return Arbitraries.oneOf(HttpArbitraries.requests(), HttpArbitraries.mutatedRequests());
  }

  @Provide
  Arbitrary<byte[]> httpishBytes() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> mutated = HttpArbitraries.mutatedRequests().map(Requests::bytes);
    Arbitrary<byte[]> pieces = Arbitraries.of("GET ", "CONNECT ", "http://", "[::1]", "a.b", ":",
            "443", " HTTP/1.1", "\r\n", "\n", "\r", "Host: ", "Content-Length: 3",
            "Transfer-Encoding: chunked", " ", "\u0000", "x").list().ofMaxSize(40)
        .map(list -> bytes(String.join("", list)));
    return Arbitraries.oneOf(raw, mutated, pieces);
  }

  @Provide
  Arbitrary<String> chunkedBodies() {
    return HttpArbitraries.chunkedBodies();
  }

  @Provide
  Arbitrary<Integer> lengths() {
    return Arbitraries.integers().between(0, 3000);
  }
}
