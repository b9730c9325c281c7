package dev.crabbox.protocol.http;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of proxy requests (mostly valid, some subtly broken) and chunked bodies. */
final class HttpArbitraries {

  private HttpArbitraries() {}

  static Arbitrary<String> requests() {
    Arbitrary<String> host = mostly(Arbitraries.of("example.com", "A.Example.COM", "10.0.0.1", "[::1]",
        "[2001:db8::1]", "x_y.test"), Arbitraries.of("a%2e", "", "h:"));
    Arbitrary<String> port = mostly(Arbitraries.of("", ":80", ":443", ":8080"),
        Arbitraries.of(":0", ":", ":99999"));
    Arbitrary<String> path = mostly(Arbitraries.of("", "/", "/a/b?c=d", "?q", "/p#f"),
        Arbitraries.of("/%20 x"));
    Arbitrary<String> scheme = mostly(Arbitraries.of("http://", "https://", "HTTP://"),
        Arbitraries.of("ftp://", "", "/"));
    Arbitrary<String> method = mostly(Arbitraries.of("GET", "POST", "PUT", "PROPFIND", "CONNECT"),
        Arbitraries.of("G(T"));
    Arbitrary<String> version = mostly(Arbitraries.of("HTTP/1.1", "HTTP/1.0"),
        Arbitraries.of("HTTP/2.0", "HTTP/1"));
    Arbitrary<String> field = mostly(Arbitraries.of("Host: example.com", "User-Agent: t",
        "Content-Length: 4", "Content-Length: 5", "Transfer-Encoding: chunked",
        "Connection: keep-alive, X-Hop", "X-Hop: 1", "Proxy-Authorization: Basic eA==",
        "Keep-Alive: 5", "TE: trailers", "Expect: 100-continue", "X-Obs: caf\u00e9", "X-Empty:",
        "Upgrade: h2c"), Arbitraries.of("Transfer-Encoding: gzip", "Bad Name: x", " folded"));
    Arbitrary<String> body = Arbitraries.of("", "body", "4\r\nbody\r\n0\r\n\r\n",
        "GET http://next.example/ HTTP/1.1\r\n\r\n");
    Arbitrary<String> requestLine = Combinators.combine(method, scheme, host, port, path, version)
        .as((m, s, h, p, pa, v) -> m.equals("CONNECT")
            ? m + " " + h + p + " " + v
            : m + " " + s + h + p + pa + " " + v);
    return Combinators.combine(Arbitraries.of("", "", "\r\n"), requestLine, field.list().ofMaxSize(6), body)
        .as((lead, line, fields, b) -> lead + line + "\r\n" + join(fields) + "\r\n" + b);
  }

  /** Valid choices nineteen times in twenty, so most generated requests get through the parser. */
  private static Arbitrary<String> mostly(Arbitrary<String> valid, Arbitrary<String> invalid) {
    return Arbitraries.frequencyOf(Tuple.of(19, valid), Tuple.of(1, invalid));
  }

  /** A request with one random byte replaced or inserted, to reach the error paths. */
  static Arbitrary<String> mutatedRequests() {
    return Combinators.combine(requests(), Arbitraries.integers().between(0, 10_000),
            Arbitraries.of('\r', '\n', '\u0000', ' ', ':', '\t', '\u00ff', 'x', '\u007f'),
            Arbitraries.of(true, false))
        .as((request, at, c, insert) -> {
          int i = at % (request.length() + 1);
          return request.substring(0, i) + c + request.substring(insert || i == request.length() ? i : i + 1);
        });
  }

  private static String join(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (String f : fields) {
      b.append(f).append("\r\n");
    }
    return b.toString();
  }

  /** A well-formed chunked body: chunks of random sizes, some extensions, maybe trailers. */
  static Arbitrary<String> chunkedBodies() {
    Arbitrary<String> chunk = Combinators.combine(
            Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(300).filter(s -> !s.isEmpty()),
            Arbitraries.of("", ";ext", ";a=b", " ;q=\"x y\""),
            Arbitraries.of(true, false))
        .as((data, ext, upper) -> {
          String size = Integer.toHexString(data.length());
          return (upper ? size.toUpperCase() : size) + ext + "\r\n" + data + "\r\n";
        });
    Arbitrary<String> trailers = Arbitraries.of("", "X-Sum: 1\r\n", "A: b\r\nC: d e\r\n");
    return Combinators.combine(chunk.list().ofMaxSize(8), Arbitraries.of("0", "000", "0;end"), trailers)
        .as((chunks, last, t) -> String.join("", chunks) + last + "\r\n" + t + "\r\n");
  }
}
