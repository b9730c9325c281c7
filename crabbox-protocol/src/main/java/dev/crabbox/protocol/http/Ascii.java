package dev.crabbox.protocol.http;

/** Byte-level character classes of RFC 9110 and case-insensitive name comparison. */
final class Ascii {

  static final byte CR = '\r';
  static final byte LF = '\n';
  static final byte SP = ' ';
  static final byte HTAB = '\t';

  private static final boolean[] TCHAR = new boolean[256];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[c - 32] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
  }

  private Ascii() {}

  /** A token character (method names, header names). */
  static boolean tchar(int b) {
    return TCHAR[b & 0xff];
  }

  /** A byte allowed in a field value: visible ASCII, obs-text, SP or HTAB. */
  static boolean fieldValueByte(int b) {
    int c = b & 0xff;
    return c == SP || c == HTAB || (c >= 0x21 && c != 0x7f);
  }

  static boolean whitespace(int b) {
    return b == SP || b == HTAB;
  }

  static int hexDigit(int b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /** Whether {@code bytes[start, end)} equals the lowercase ASCII {@code lower}, ignoring case. */
  static boolean equalsIgnoreCase(byte[] bytes, int start, int end, String lower) {
    return end - start == lower.length() && regionMatches(bytes, start, lower);
  }

  /** Whether {@code bytes[start, ...)} begins with the lowercase ASCII {@code lower}, ignoring case. */
  static boolean startsWithIgnoreCase(byte[] bytes, int start, int end, String lower) {
    return end - start >= lower.length() && regionMatches(bytes, start, lower);
  }

  private static boolean regionMatches(byte[] bytes, int start, String lower) {
    for (int i = 0; i < lower.length(); i++) {
      int c = bytes[start + i];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** ASCII bytes as a String, for the few parts that must become text (target, header tokens). */
  static String text(byte[] bytes, int start, int end) {
    return new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Shortens and masks a text for a one-line error message. */
  static String printable(String s) {
    String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
    StringBuilder b = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      b.append(c < 0x20 || c >= 0x7f ? '?' : c);
    }
    return b.toString();
  }
}
