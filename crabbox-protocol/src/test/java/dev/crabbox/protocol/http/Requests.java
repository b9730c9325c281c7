package dev.crabbox.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Test helpers: feed text to a parser and read heads as text. */
final class Requests {

  private Requests() {}

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static ProxyRequest parse(String head) throws ProxyRequestException {
    Optional<ProxyRequest> request = new ProxyRequestParser().feed(bytes(head));
    return request.orElseThrow(() -> new AssertionError("head incomplete: " + head));
  }

  static ProxyRequest.Forward forward(String head) throws ProxyRequestException {
    return (ProxyRequest.Forward) parse(head);
  }

  static String rewritten(String head) throws ProxyRequestException {
    return text(forward(head).head());
  }
}
