package dev.crabbox.protocol.net;

/** RFC 4291 IPv6 text (with "::" and a trailing dotted IPv4) to 16 bytes, zone id stripped. */
final class Ipv6Literal {

  private Ipv6Literal() {}

  /** Sixteen address bytes, or {@code null} when the text is not an IPv6 literal. */
  static byte[] parse(String text) {
    String s = stripZone(text);
    if (s == null || s.length() < 2 || s.length() > 45) {
      return null;
    }
    int gap = s.indexOf("::");
    int[] head;
    int[] tail;
    if (gap < 0) {
      head = groups(s, true);
      tail = new int[0];
      if (head == null || head.length != 8) {
        return null;
      }
    } else {
      if (s.indexOf("::", gap + 1) >= 0) {
        return null;
      }
      head = groups(s.substring(0, gap), false);
      tail = groups(s.substring(gap + 2), true);
      if (head == null || tail == null || head.length + tail.length > 7) {
        return null;
      }
    }
    byte[] out = new byte[16];
    for (int i = 0; i < head.length; i++) {
      put(out, i, head[i]);
    }
    for (int i = 0; i < tail.length; i++) {
      put(out, 8 - tail.length + i, tail[i]);
    }
    return out;
  }

  /** The literal without its {@code %zone} (also {@code %25zone} from URLs), or null if malformed. */
  private static String stripZone(String text) {
    int percent = text.indexOf('%');
    if (percent < 0) {
      return text;
    }
    String zone = text.substring(percent + 1);
    if (zone.isEmpty() || zone.length() > 64) {
      return null;
    }
    for (int i = 0; i < zone.length(); i++) {
      char c = zone.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '%';
      if (!ok) {
        return null;
      }
    }
    return text.substring(0, percent);
  }

  private static void put(byte[] out, int group, int value) {
    out[2 * group] = (byte) (value >>> 8);
    out[2 * group + 1] = (byte) value;
  }

  /** 16-bit groups of a colon-separated part; a dotted IPv4 counts as two and must come last. */
  private static int[] groups(String part, boolean mayEndWithIpv4) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] pieces = part.split(":", -1);
    if (pieces.length > 8) {
      return null;
    }
    int[] out = new int[pieces.length + 1];
    int n = 0;
    for (int i = 0; i < pieces.length; i++) {
      String piece = pieces[i];
      if (mayEndWithIpv4 && i == pieces.length - 1 && piece.indexOf('.') >= 0) {
        byte[] v4 = dottedQuad(piece);
        if (v4 == null) {
          return null;
        }
        out[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        out[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
      } else {
        int value = hexGroup(piece);
        if (value < 0) {
          return null;
        }
        out[n++] = value;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static int hexGroup(String piece) {
    if (piece.isEmpty() || piece.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < piece.length(); i++) {
      int digit = Character.digit(piece.charAt(i), 16);
      if (digit < 0 || piece.charAt(i) > 'f') {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** Strict a.b.c.d: four decimal parts 0..255 without leading zeros (no octal ambiguity). */
  static byte[] dottedQuad(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        return null;
      }
      out[i] = (byte) value;
    }
    return out;
  }
}
