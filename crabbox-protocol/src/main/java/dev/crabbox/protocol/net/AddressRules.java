package dev.crabbox.protocol.net;

import java.util.List;

/** The special-purpose ranges (IANA registries, RFC 6890 and successors) egress refuses. */
final class AddressRules {

  private AddressRules() {}

  /** First match wins, so narrower ranges come before the wider ones that contain them. */
  static final List<AddressRule> IPV4 = List.of(
      AddressRule.v4(0, 0, 0, 0, 8, "unspecified", false),
      AddressRule.v4(127, 0, 0, 0, 8, "loopback", true),
      AddressRule.v4(10, 0, 0, 0, 8, "private", true),
      AddressRule.v4(172, 16, 0, 0, 12, "private", true),
      AddressRule.v4(192, 168, 0, 0, 16, "private", true),
      AddressRule.v4(100, 64, 0, 0, 10, "cgnat", true),
      AddressRule.v4(169, 254, 0, 0, 16, "link-local", true),
      AddressRule.v4(192, 0, 0, 0, 24, "ietf protocol assignments", false),
      AddressRule.v4(192, 0, 2, 0, 24, "documentation", true),
      AddressRule.v4(198, 51, 100, 0, 24, "documentation", true),
      AddressRule.v4(203, 0, 113, 0, 24, "documentation", true),
      AddressRule.v4(198, 18, 0, 0, 15, "benchmarking", true),
      AddressRule.v4(224, 0, 0, 0, 4, "multicast", false),
      AddressRule.v4(255, 255, 255, 255, 32, "broadcast", false),
      AddressRule.v4(240, 0, 0, 0, 4, "reserved", false));

  static final List<AddressRule> IPV6 = List.of(
      AddressRule.v6(new int[0], 128, "unspecified", false),
      AddressRule.v6(new int[] {0, 0, 0, 0, 0, 0, 0, 1}, 128, "loopback", true),
      AddressRule.v6(new int[] {0xff00}, 8, "multicast", false),
      AddressRule.v6(new int[] {0xfe80}, 10, "link-local", true),
      AddressRule.v6(new int[] {0xfec0}, 10, "ipv6 site-local", true),
      AddressRule.v6(new int[] {0xfc00}, 7, "ipv6 unique-local", true),
      AddressRule.v6(new int[] {0x2001, 0x0db8}, 32, "documentation", true),
      AddressRule.v6(new int[] {0x3fff}, 20, "documentation", true),
      AddressRule.v6(new int[] {0x0100, 0, 0, 0}, 64, "discard-only", false),
      AddressRule.v6(new int[] {0x0064, 0xff9b, 0x0001}, 48, "nat64 local-use", true));

  /**
   * IPv6 ranges that carry an IPv4 address the packets end up at; the embedded address is judged
   * by the IPv4 rules and a refusal is reported as e.g. "ipv4-mapped loopback".
   */
  enum Embedding {
    IPV4_MAPPED("ipv4-mapped", AddressRule.v6(new int[] {0, 0, 0, 0, 0, 0xffff}, 96, "", false), 12, false),
    IPV4_COMPATIBLE("ipv4-compatible", AddressRule.v6(new int[0], 96, "", false), 12, false),
    NAT64("nat64", AddressRule.v6(new int[] {0x0064, 0xff9b}, 96, "", false), 12, false),
    SIX_TO_FOUR("6to4", AddressRule.v6(new int[] {0x2002}, 16, "", false), 2, false),
    // Teredo stores the client address with every bit inverted (RFC 4380 §4).
    TEREDO("teredo", AddressRule.v6(new int[] {0x2001, 0}, 32, "", false), 12, true);

    final String label;
    final AddressRule range;
    final int offset;
    final boolean inverted;

    Embedding(String label, AddressRule range, int offset, boolean inverted) {
      this.label = label;
      this.range = range;
      this.offset = offset;
      this.inverted = inverted;
    }

    byte[] ipv4(byte[] v6) {
      byte[] v4 = new byte[4];
      for (int i = 0; i < 4; i++) {
        v4[i] = (byte) (inverted ? ~v6[offset + i] : v6[offset + i]);
      }
      return v4;
    }
  }
}
