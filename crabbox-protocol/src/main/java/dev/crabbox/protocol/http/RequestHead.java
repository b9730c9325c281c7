package dev.crabbox.protocol.http;

import static dev.crabbox.protocol.http.Ascii.CR;
import static dev.crabbox.protocol.http.Ascii.SP;

import java.util.Arrays;

/**
 * A syntactically checked request head, kept as offsets into the received bytes so that header
 * lines can be copied to the rewritten head without decoding them. The scanner has already
 * guaranteed that every CR is followed by LF and that there is no bare LF.
 */
final class RequestHead {

  private final byte[] bytes;
  private int methodStart;
  private int methodEnd;
  private int targetStart;
  private int targetEnd;
  private int versionStart;
  private int versionEnd;
  private int end;
  private boolean http10;
  /** Per field: line start, name end (the colon), value start, value end, line end. */
  private int[] fields = new int[5 * 16];
  private int fieldCount;

  private RequestHead(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Parses {@code bytes[start, end)}, which ends with the blank line's CRLF. */
  static RequestHead parse(byte[] bytes, int start, int end, int maxFields)
      throws ProxyRequestException {
    RequestHead head = new RequestHead(bytes);
    head.end = end;
    int lineEnd = crlf(bytes, start, end);
    head.requestLine(start, lineEnd);
    int pos = lineEnd + 2;
    while (pos < end - 2) {
      lineEnd = crlf(bytes, pos, end);
      if (head.fieldCount == maxFields) {
        throw new ProxyRequestException(431, "more than " + maxFields + " header fields");
      }
      head.field(pos, lineEnd);
      pos = lineEnd + 2;
    }
    return head;
  }

  private static int crlf(byte[] bytes, int from, int end) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == CR) {
        return i;
      }
    }
    throw new IllegalStateException("the scanner hands over complete lines only");
  }

  private static int indexOf(byte[] bytes, byte b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private void requestLine(int start, int end) throws ProxyRequestException {
    int sp1 = indexOf(bytes, SP, start, end);
    int sp2 = sp1 < 0 ? -1 : indexOf(bytes, SP, sp1 + 1, end);
    if (sp1 <= start || sp2 < 0 || sp2 == sp1 + 1) {
      throw new ProxyRequestException(400, "malformed request line");
    }
    for (int i = start; i < sp1; i++) {
      if (!Ascii.tchar(bytes[i])) {
        throw new ProxyRequestException(400, "malformed request method");
      }
    }
    for (int i = sp1 + 1; i < sp2; i++) {
      if (bytes[i] < 0x21 || bytes[i] > 0x7e) {
        throw new ProxyRequestException(400, "request target contains invalid characters");
      }
    }
    methodStart = start;
    methodEnd = sp1;
    targetStart = sp1 + 1;
    targetEnd = sp2;
    versionStart = sp2 + 1;
    versionEnd = end;
    // The version is case-sensitive (RFC 9112 §2.3).
    boolean eightBytes = versionEnd - versionStart == 8;
    if (eightBytes && startsWith("HTTP/1.1", versionStart)) {
      http10 = false;
    } else if (eightBytes && startsWith("HTTP/1.0", versionStart)) {
      http10 = true;
    } else if (versionLike()) {
      throw new ProxyRequestException(505, "HTTP version not supported: "
          + Ascii.text(bytes, versionStart, versionEnd));
    } else {
      throw new ProxyRequestException(400, "malformed request line");
    }
  }

  /** {@code HTTP/d.d}: a well-formed version we do not speak (505 rather than 400). */
  private boolean versionLike() {
    if (versionEnd - versionStart != 8 || !startsWith("HTTP/", versionStart)) {
      return false;
    }
    byte major = bytes[versionStart + 5];
    byte minor = bytes[versionStart + 7];
    return major >= '0' && major <= '9' && bytes[versionStart + 6] == '.' && minor >= '0'
        && minor <= '9';
  }

  private boolean startsWith(String prefix, int at) {
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[at + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void field(int start, int end) throws ProxyRequestException {
    if (Ascii.whitespace(bytes[start])) {
      throw new ProxyRequestException(400, "obsolete header line folding is not supported");
    }
    int colon = indexOf(bytes, (byte) ':', start, end);
    if (colon <= start) {
      throw new ProxyRequestException(400, "malformed header line");
    }
    for (int i = start; i < colon; i++) {
      if (!Ascii.tchar(bytes[i])) {
        throw new ProxyRequestException(400, "invalid header name: "
            + Ascii.printable(Ascii.text(bytes, start, colon)));
      }
    }
    int valueStart = colon + 1;
    int valueEnd = end;
    while (valueStart < valueEnd && Ascii.whitespace(bytes[valueStart])) {
      valueStart++;
    }
    while (valueEnd > valueStart && Ascii.whitespace(bytes[valueEnd - 1])) {
      valueEnd--;
    }
    for (int i = valueStart; i < valueEnd; i++) {
      if (!Ascii.fieldValueByte(bytes[i])) {
        throw new ProxyRequestException(400, "invalid character in header "
            + Ascii.printable(Ascii.text(bytes, start, colon)));
      }
    }
    if (5 * (fieldCount + 1) > fields.length) {
      fields = Arrays.copyOf(fields, fields.length * 2);
    }
    int at = 5 * fieldCount++;
    fields[at] = start;
    fields[at + 1] = colon;
    fields[at + 2] = valueStart;
    fields[at + 3] = valueEnd;
    fields[at + 4] = end;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Index just after the head's final blank line. */
  int end() {
    return end;
  }

  boolean isConnect() {
    return methodEnd - methodStart == 7 && startsWith("CONNECT", methodStart);
  }

  boolean http10() {
    return http10;
  }

  String target() {
    return Ascii.text(bytes, targetStart, targetEnd);
  }

  int methodStart() {
    return methodStart;
  }

  int methodEnd() {
    return methodEnd;
  }

  int versionStart() {
    return versionStart;
  }

  int versionEnd() {
    return versionEnd;
  }

  int fieldCount() {
    return fieldCount;
  }

  int lineStart(int field) {
    return fields[5 * field];
  }

  int nameEnd(int field) {
    return fields[5 * field + 1];
  }

  int valueStart(int field) {
    return fields[5 * field + 2];
  }

  int valueEnd(int field) {
    return fields[5 * field + 3];
  }

  int lineEnd(int field) {
    return fields[5 * field + 4];
  }

  boolean nameIs(int field, String lowerName) {
    return Ascii.equalsIgnoreCase(bytes, lineStart(field), nameEnd(field), lowerName);
  }

  boolean nameStartsWith(int field, String lowerPrefix) {
    return Ascii.startsWithIgnoreCase(bytes, lineStart(field), nameEnd(field), lowerPrefix);
  }

  String name(int field) {
    return Ascii.text(bytes, lineStart(field), nameEnd(field));
  }

  String value(int field) {
    return Ascii.text(bytes, valueStart(field), valueEnd(field));
  }
}
