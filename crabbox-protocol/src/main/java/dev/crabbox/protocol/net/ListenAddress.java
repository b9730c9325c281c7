package dev.crabbox.protocol.net;

import java.util.Locale;

/**
 * Where the lease proxy listens. Loopback only: the proxy has no authentication of its own, so
 * anything else would hand the operator's internet path to whoever can reach the lease.
 *
 * @param host {@code 127.0.0.1}, {@code ::1} or {@code localhost}
 * @param port 0..65535, 0 meaning any free port (tests)
 */
public record ListenAddress(String host, int port) {

  private static final String LOOPBACK_ONLY =
      "the lease proxy listens on loopback only (127.0.0.1, [::1] or localhost)";

  public ListenAddress {
    if (!host.equals("127.0.0.1") && !host.equals("::1") && !host.equals("localhost")) {
      throw new IllegalArgumentException(LOOPBACK_ONLY + ": " + host);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range 0..65535: " + port);
    }
  }

  /** Parses {@code 127.0.0.1:PORT}, {@code localhost:PORT} or {@code [::1]:PORT}. */
  public static ListenAddress parse(String text) throws ListenAddressException {
    String value = text == null ? "" : text.trim();
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw refused(value, "expected HOST:PORT, e.g. 127.0.0.1:3128");
    }
    String hostText = value.substring(0, colon);
    String host = Allowed.of(hostText);
    if (host == null) {
      boolean bareIpv6 = !hostText.startsWith("[") && hostText.indexOf(':') >= 0;
      throw refused(value, bareIpv6 ? "IPv6 addresses need brackets, e.g. [::1]:3128" : LOOPBACK_ONLY);
    }
    int port = port(value.substring(colon + 1));
    if (port < 0) {
      throw refused(value, "the port must be a number 0..65535");
    }
    return new ListenAddress(host, port);
  }

  /** The literal address to bind: {@code localhost} binds 127.0.0.1 so no resolver is consulted. */
  public String bindHost() {
    return host.equals("localhost") ? "127.0.0.1" : host;
  }

  /** Canonical {@code host:port} text, IPv6 in brackets. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  private static ListenAddressException refused(String text, String rule) {
    return new ListenAddressException("--listen " + text + " refused: " + rule);
  }

  private static int port(String text) {
    if (text.isEmpty() || text.length() > 5) {
      return -1;
    }
    int port = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535 ? port : -1;
  }

  /** The three accepted host spellings, mapped to the canonical host. */
  private static final class Allowed {
    static String of(String hostText) {
      switch (hostText.toLowerCase(Locale.ROOT)) {
        case "127.0.0.1":
          return "127.0.0.1";
        case "localhost":
          return "localhost";
        case "[::1]":
          return "::1";
        default:
          return null;
      }
    }
  }
}
