package dev.crabbox.protocol.net;

/**
 * One refused address range: a prefix of the address bytes, the short rule name reported to the
 * user, and whether {@code --allow-private-destinations} lifts it. Ranges that are never a
 * meaningful destination (unspecified, multicast, broadcast, reserved) are not liftable.
 */
record AddressRule(byte[] prefix, int bits, String name, boolean liftable) {

  static AddressRule v4(int a, int b, int c, int d, int bits, String name, boolean liftable) {
    return new AddressRule(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, bits, name, liftable);
  }

  /** IPv6 rule from up to eight leading 16-bit groups; the rest of the prefix is zero. */
  static AddressRule v6(int[] groups, int bits, String name, boolean liftable) {
    byte[] prefix = new byte[16];
    for (int i = 0; i < groups.length; i++) {
      prefix[2 * i] = (byte) (groups[i] >>> 8);
      prefix[2 * i + 1] = (byte) groups[i];
    }
    return new AddressRule(prefix, bits, name, liftable);
  }

  boolean matches(byte[] address) {
    if (address.length != prefix.length) {
      return false;
    }
    int full = bits / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != prefix[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[full] & mask) == (prefix[full] & mask);
  }
}
