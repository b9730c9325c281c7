package dev.crabbox.protocol.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Recognizes hosts that are address literals rather than DNS names, in every spelling a resolver
 * might accept, so the destination policy judges what will actually be dialled. Never resolves.
 */
public final class NumericHost {

  private NumericHost() {}

  /**
   * The address a literal host denotes: IPv4 in inet_aton forms ({@code 127.0.0.1},
   * {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}) or IPv6 with or without
   * brackets (a zone id is dropped). Empty for a DNS name or a number that overflows.
   */
  public static Optional<InetAddress> parse(String host) {
    if (host == null || host.isEmpty() || host.length() > 300) {
      return Optional.empty();
    }
    if (host.startsWith("[")) {
      return host.endsWith("]") ? ipv6(host.substring(1, host.length() - 1)) : Optional.empty();
    }
    if (host.indexOf(':') >= 0) {
      return ipv6(host);
    }
    byte[] v4 = Ipv4Aton.parse(host);
    if (v4 == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  private static Optional<InetAddress> ipv6(String literal) {
    byte[] v6 = Ipv6Literal.parse(literal);
    if (v6 == null) {
      return Optional.empty();
    }
    try {
      // Inet6Address keeps ::ffff:a.b.c.d as IPv6 (InetAddress.getByAddress would silently turn it
      // into IPv4), so refusals can say "ipv4-mapped loopback" rather than just "loopback".
      return Optional.of(Inet6Address.getByAddress(null, v6, -1));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("sixteen bytes are always an IPv6 address", e);
    }
  }
}
