package dev.crabbox.protocol.frame;

import java.util.Optional;

/** {@code host:port} text as carried by OPEN frames and CONNECT lines. Pure, no DNS. */
public record HostPort(String host, int port) {

  /** Formats with brackets around IPv6 literals. */
  public static String format(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return format(host, port);
  }

  /**
   * Parses {@code host:port} or {@code [v6]:port}; the port is mandatory and 1..65535. Returns
   * empty for anything else, so callers choose their own error message.
   */
  public static Optional<HostPort> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String host;
    String portText;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
        return Optional.empty();
      }
      host = text.substring(1, close);
      portText = text.substring(close + 2);
      if (host.indexOf(':') < 0) {
        return Optional.empty();
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || text.indexOf(':') != colon) {
        return Optional.empty();
      }
      host = text.substring(0, colon);
      portText = text.substring(colon + 1);
    }
    int port = parsePort(portText);
    if (port < 0 || !validHost(host)) {
      return Optional.empty();
    }
    return Optional.of(new HostPort(host, port));
  }

  /** A decimal port 1..65535, or -1. */
  public static int parsePort(String text) {
    if (text == null || text.isEmpty() || text.length() > 5) {
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
    return port >= 1 && port <= 65535 ? port : -1;
  }

  /** Printable ASCII with no spaces, slashes or other characters that cannot be in a host. */
  public static boolean validHost(String host) {
    if (host == null || host.isEmpty() || host.length() > WireLimits.MAX_HOST_LENGTH) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == ':' || c == '%';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
