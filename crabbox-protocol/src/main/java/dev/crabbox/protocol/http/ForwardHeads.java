package dev.crabbox.protocol.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites an absolute-form request for the origin server (RFC 9110 §7.6.1, RFC 9112 §3.2.2) and
 * decides its body framing strictly: a request whose framing two parsers could read differently
 * is refused, because the proxy and the origin would then disagree about where the next request
 * starts (request smuggling).
 */
final class ForwardHeads {

  private static final byte[] CRLF = {'\r', '\n'};

  private ForwardHeads() {}

  static ProxyRequest.Forward forward(RequestHead head) throws ProxyRequestException {
    Targets.TargetUrl url = Targets.absolute(head.target());
    int hostField = -1;
    boolean transferEncoding = false;
    List<String> connectionTokens = new ArrayList<>(2);
    for (int f = 0; f < head.fieldCount(); f++) {
      if (head.nameIs(f, "host")) {
        if (hostField >= 0) {
          throw new ProxyRequestException(400, "request has more than one Host header");
        }
        hostField = f;
      } else if (head.nameIs(f, "transfer-encoding")) {
        transferEncoding = true;
      } else if (head.nameIs(f, "connection")) {
        for (String token : head.value(f).split(",")) {
          connectionTokens.add(token.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    long contentLength = contentLength(head);
    BodyFraming framing = framing(head, transferEncoding, contentLength);
    byte[] rewritten = rewrite(head, url, hostField, connectionTokens, contentLength);
    return new ProxyRequest.Forward(url.target(), rewritten, framing);
  }

  /** The single Content-Length value of all Content-Length fields, or -1 when there is none. */
  private static long contentLength(RequestHead head) throws ProxyRequestException {
    long length = -1;
    for (int f = 0; f < head.fieldCount(); f++) {
      if (!head.nameIs(f, "content-length")) {
        continue;
      }
      // A list of identical values ("5, 5") is one length (RFC 9110 §8.6); anything else is not.
      for (String part : head.value(f).split(",", -1)) {
        long value = digits(part.trim());
        if (value < 0) {
          throw new ProxyRequestException(400, "invalid Content-Length");
        }
        if (length >= 0 && value != length) {
          throw new ProxyRequestException(400, "conflicting Content-Length values");
        }
        length = value;
      }
    }
    return length;
  }

  private static long digits(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static BodyFraming framing(RequestHead head, boolean transferEncoding, long contentLength)
      throws ProxyRequestException {
    if (!transferEncoding) {
      return contentLength < 0 ? BodyFraming.NONE : new BodyFraming.ContentLength(contentLength);
    }
    if (contentLength >= 0) {
      throw new ProxyRequestException(400, "request has both Content-Length and Transfer-Encoding");
    }
    if (head.http10()) {
      throw new ProxyRequestException(400, "Transfer-Encoding is not allowed in HTTP/1.0 requests");
    }
    List<String> codings = new ArrayList<>(2);
    for (int f = 0; f < head.fieldCount(); f++) {
      if (head.nameIs(f, "transfer-encoding")) {
        for (String coding : head.value(f).split(",", -1)) {
          String trimmed = coding.trim().toLowerCase(Locale.ROOT);
          if (!trimmed.isEmpty()) {
            codings.add(trimmed);
          }
        }
      }
    }
    // Only "chunked" delimits a request body, it must come last and it must not be applied twice.
    if (codings.isEmpty() || !codings.get(codings.size() - 1).equals("chunked")
        || codings.indexOf("chunked") != codings.size() - 1) {
      throw new ProxyRequestException(400,
          "unsupported Transfer-Encoding: the final coding must be chunked, once");
    }
    return BodyFraming.CHUNKED;
  }

  private static byte[] rewrite(RequestHead head, Targets.TargetUrl url, int hostField,
      List<String> connectionTokens, long contentLength) {
    byte[] bytes = head.bytes();
    // Rewriting only shortens the head, except for the Host value and Content-Length spacing.
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.end() - head.methodStart()
        + 2 * url.hostHeader().length() + 64);
    out.write(bytes, head.methodStart(), head.methodEnd() - head.methodStart());
    out.write(' ');
    ascii(out, url.originForm());
    out.write(' ');
    out.write(bytes, head.versionStart(), head.versionEnd() - head.versionStart());
    out.writeBytes(CRLF);
    if (hostField < 0) {
      ascii(out, "Host: ");
      ascii(out, url.hostHeader());
      out.writeBytes(CRLF);
    }
    boolean contentLengthWritten = false;
    for (int f = 0; f < head.fieldCount(); f++) {
      if (hopByHop(head, f, connectionTokens)) {
        continue;
      }
      int nameLength = head.nameEnd(f) - head.lineStart(f);
      if (f == hostField) {
        // A proxy must replace Host with the URL's authority (RFC 9112 §3.2.2), else a request to
        // an allowlisted address could name any other virtual host.
        out.write(bytes, head.lineStart(f), nameLength);
        ascii(out, ": ");
        ascii(out, url.hostHeader());
      } else if (head.nameIs(f, "content-length")) {
        if (contentLengthWritten) {
          continue;
        }
        contentLengthWritten = true;
        out.write(bytes, head.lineStart(f), nameLength);
        ascii(out, ": ");
        ascii(out, Long.toString(contentLength));
      } else {
        out.write(bytes, head.lineStart(f), head.lineEnd(f) - head.lineStart(f));
      }
      out.writeBytes(CRLF);
    }
    out.writeBytes(CRLF);
    return out.toByteArray();
  }

  /**
   * Connection-scoped fields the proxy consumes (RFC 9110 §7.6.1). Host and the framing fields are
   * never dropped because Connection names them: that would unframe the body on the way out.
   */
  private static boolean hopByHop(RequestHead head, int f, List<String> connectionTokens) {
    if (head.nameIs(f, "connection") || head.nameIs(f, "keep-alive") || head.nameIs(f, "te")
        || head.nameIs(f, "trailer") || head.nameIs(f, "upgrade") || head.nameStartsWith(f, "proxy-")) {
      return true;
    }
    if (connectionTokens.isEmpty() || head.nameIs(f, "host") || head.nameIs(f, "content-length")
        || head.nameIs(f, "transfer-encoding")) {
      return false;
    }
    for (String token : connectionTokens) {
      if (head.nameIs(f, token)) {
        return true;
      }
    }
    return false;
  }

  private static void ascii(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
