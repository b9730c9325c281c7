package dev.crabbox.agent.proxy;

import dev.crabbox.protocol.egress.OpenFailure;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** The few HTTP responses the lease proxy writes itself. */
final class ProxyResponses {

  /** The CONNECT answer; after it the socket is a tunnel. */
  static final Buffer CONNECTION_ESTABLISHED = Buffer.buffer(
      "HTTP/1.1 200 Connection Established\r\nProxy-Agent: crabbox\r\n\r\n", "US-ASCII");

  private ProxyResponses() {}

  /** A refused or failed open, mapped from the host's ERROR text (CONTRACTS.md). */
  static Buffer openFailure(String message) {
    OpenFailure kind = OpenFailure.classify(message);
    return error(kind.httpStatus(), kind.reasonPhrase(), message);
  }

  /**
   * A one-line plain-text error that closes the connection:
   * {@code crabbox egress: <message>}.
   */
  static Buffer error(int status, String reason, String message) {
    byte[] body = ("crabbox egress: " + oneLine(message) + "\n").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: text/plain\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Connection: close\r\n\r\n";
    return Buffer.buffer(head.getBytes(StandardCharsets.US_ASCII)).appendBytes(body);
  }

  /** Reason phrase for the statuses the request parser uses. */
  static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 405 -> "Method Not Allowed";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      case 505 -> "HTTP Version Not Supported";
      default -> "Error";
    };
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replace('\r', ' ').replace('\n', ' ');
  }
}
