package dev.crabbox.protocol.net;

/**
 * IPv4 text as the C library's {@code inet_aton} reads it (and so as many resolvers and tools do):
 * one to four parts, each decimal, octal (leading {@code 0}) or hex ({@code 0x}); the last part
 * fills all remaining bytes. {@code 2130706433}, {@code 0x7f.1} and {@code 0177.0.0.1} all mean
 * 127.0.0.1, which is why the destination policy must see through them.
 */
final class Ipv4Aton {

  private static final long MAX_U32 = 0xFFFF_FFFFL;

  private Ipv4Aton() {}

  /** Four address bytes, or {@code null} when the text is not an inet_aton address. */
  static byte[] parse(String text) {
    // One trailing dot is how a fully qualified name is written; URL parsers drop it the same way.
    String s = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (s.isEmpty()) {
      return null;
    }
    long[] parts = new long[4];
    int count = 0;
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      if (count == 4) {
        return null;
      }
      long value = number(s, start, end);
      if (value < 0) {
        return null;
      }
      parts[count++] = value;
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    long address = 0;
    for (int i = 0; i < count - 1; i++) {
      if (parts[i] > 0xFF) {
        return null;
      }
      address |= parts[i] << (8 * (3 - i));
    }
    long last = parts[count - 1];
    // The last part covers the 4 - (count - 1) bytes not taken by the leading parts.
    long lastMax = MAX_U32 >>> (8 * (count - 1));
    if (last > lastMax) {
      return null;
    }
    address |= last;
    return new byte[] {
        (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
  }

  /** The value of one part, or -1 when it is empty, not a number, or above 2^32-1. */
  private static long number(String s, int start, int end) {
    if (start >= end) {
      return -1;
    }
    int radix = 10;
    int i = start;
    if (s.charAt(i) == '0' && end - start > 1) {
      if (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') {
        radix = 16;
        i += 2; // "0x" alone is 0, as inet_aton and URL parsers read it
      } else {
        radix = 8;
        i += 1;
      }
    }
    long value = 0;
    for (; i < end; i++) {
      int digit = Character.digit(s.charAt(i), radix);
      if (digit < 0 || s.charAt(i) > 'f') {
        return -1;
      }
      value = value * radix + digit;
      if (value > MAX_U32) {
        return -1;
      }
    }
    return value;
  }
}
