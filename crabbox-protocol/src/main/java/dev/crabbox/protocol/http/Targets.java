package dev.crabbox.protocol.http;

import dev.crabbox.protocol.frame.HostPort;
import dev.crabbox.protocol.net.NumericHost;
import java.net.Inet6Address;
import java.util.Locale;
import java.util.Optional;

/** Request targets: CONNECT's authority-form and the absolute-form URL of forwarded requests. */
final class Targets {

  static final String NEEDS_PROXY_FORM = "a proxy request needs absolute-form or CONNECT";

  private Targets() {}

  /** {@code host:port} or {@code [v6]:port}; the port is mandatory for CONNECT. */
  static HostPort connect(String target) throws ProxyRequestException {
    Optional<HostPort> parsed = HostPort.parse(target);
    boolean bracketed = target.startsWith("[");
    String host = parsed.isPresent() ? host(parsed.get().host(), bracketed) : null;
    if (host == null) {
      // "must include port" only for a complete host that lacks one; anything else is malformed.
      boolean hostOnly = bracketed ? target.endsWith("]") : target.indexOf(':') < 0;
      throw new ProxyRequestException(400, (hostOnly ? "CONNECT target must include port: "
          : "CONNECT target is not host:port: ") + Ascii.printable(target));
    }
    return new HostPort(host, parsed.get().port());
  }

  /**
   * An {@code http://} or {@code https://} URL as the origin server must see it. Userinfo is
   * refused: credentials in a proxied URL are a classic way to disguise the real destination.
   */
  static TargetUrl absolute(String target) throws ProxyRequestException {
    int schemeEnd = target.indexOf("://");
    if (schemeEnd <= 0 || !scheme(target, schemeEnd)) {
      throw new ProxyRequestException(400, NEEDS_PROXY_FORM);
    }
    String scheme = target.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    int defaultPort;
    if (scheme.equals("http")) {
      defaultPort = 80;
    } else if (scheme.equals("https")) {
      defaultPort = 443;
    } else {
      throw new ProxyRequestException(400, "unsupported URL scheme in proxy request: "
          + Ascii.printable(scheme));
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < target.length() && "/?#".indexOf(target.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = target.substring(authorityStart, authorityEnd);
    if (authority.indexOf('@') >= 0) {
      throw new ProxyRequestException(400, "proxy request URL must not contain credentials");
    }
    HostPort hostPort = authority(authority, defaultPort);
    return new TargetUrl(hostPort, originForm(target.substring(authorityEnd)),
        hostHeader(hostPort, defaultPort));
  }

  /** RFC 3986 scheme syntax, so "/r?u=http://x" is recognized as origin-form, not a scheme. */
  private static boolean scheme(String target, int end) {
    if (!Character.isLetter(target.charAt(0))) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = target.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
          || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static HostPort authority(String authority, int defaultPort) throws ProxyRequestException {
    String hostText;
    String portText;
    boolean bracketed = authority.startsWith("[");
    if (bracketed) {
      int close = authority.indexOf(']');
      if (close < 0 || (close + 1 < authority.length() && authority.charAt(close + 1) != ':')) {
        throw badUrlHost(authority);
      }
      hostText = authority.substring(1, close);
      portText = close + 1 < authority.length() ? authority.substring(close + 2) : "";
    } else {
      int colon = authority.indexOf(':');
      hostText = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? "" : authority.substring(colon + 1);
    }
    String host = host(hostText, bracketed);
    if (host == null) {
      throw badUrlHost(authority);
    }
    // An empty port ("http://example.com:/") means the default (RFC 3986 §3.2.3).
    int port = portText.isEmpty() ? defaultPort : HostPort.parsePort(portText);
    if (port < 0) {
      throw new ProxyRequestException(400, "bad port in proxy request URL: "
          + Ascii.printable(portText));
    }
    return new HostPort(host, port);
  }

  private static ProxyRequestException badUrlHost(String authority) {
    return new ProxyRequestException(400, "bad host in proxy request URL: "
        + Ascii.printable(authority));
  }

  /**
   * The lowercase host, or null when it is not one: an IPv6 literal in brackets, else DNS
   * characters only (no percent-encoding, which would hide the name from the allowlist).
   */
  static String host(String text, boolean bracketed) {
    if (text.isEmpty() || text.length() > 253) {
      return null;
    }
    if (bracketed) {
      return NumericHost.parse("[" + text + "]").filter(a -> a instanceof Inet6Address).isPresent()
          ? text.toLowerCase(Locale.ROOT) : null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_';
      if (!ok) {
        return null;
      }
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /** Path and query without the fragment (never sent to servers); "/" when the path is empty. */
  private static String originForm(String rest) {
    int hash = rest.indexOf('#');
    String withoutFragment = hash < 0 ? rest : rest.substring(0, hash);
    return withoutFragment.startsWith("/") ? withoutFragment : "/" + withoutFragment;
  }

  private static String hostHeader(HostPort target, int defaultPort) {
    String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
    return target.port() == defaultPort ? host : host + ":" + target.port();
  }

  /** A parsed absolute-form URL: where to dial, the origin-form target and the Host value. */
  record TargetUrl(HostPort target, String originForm, String hostHeader) {}
}
