package dev.crabbox.protocol.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class AddressProperties {

  @Property(tries = 500)
  void everyInetAtonSpellingOfAnAddressDecodesToIt(@ForAll int address,
      @ForAll("radixes") List<Integer> radixes, @ForAll("partCounts") int parts) {
    long value = Integer.toUnsignedLong(address);
    StringBuilder text = new StringBuilder();
    // Leading parts are single bytes; the last part holds all remaining bytes.
    for (int i = 0; i < parts - 1; i++) {
      text.append(spell((value >>> (8 * (3 - i))) & 0xff, radixes.get(i))).append('.');
    }
    long last = value & (0xFFFF_FFFFL >>> (8 * (parts - 1)));
    text.append(spell(last, radixes.get(3)));
    assertArrayEquals(bytes(address), NumericHost.parse(text.toString()).orElseThrow().getAddress(),
        text.toString());
  }

  @Property(tries = 300)
  void ipv6TextRoundTrips(@ForAll @Size(16) byte[] address, @ForAll boolean brackets)
      throws UnknownHostException {
    String text = Inet6Address.getByAddress(null, address, -1).getHostAddress();
    String host = brackets ? "[" + text + "]" : text;
    assertArrayEquals(address, NumericHost.parse(host).orElseThrow().getAddress(), host);
  }

  @Property(tries = 500)
  void embeddedIpv4IsJudgedLikeThePlainAddress(@ForAll("interestingIpv4") int address,
      @ForAll boolean allowPrivate) throws UnknownHostException {
    DestinationPolicy policy = allowPrivate ? DestinationPolicy.allowingPrivate()
        : DestinationPolicy.publicOnly();
    Optional<String> plain = policy.refusal(InetAddress.getByAddress(bytes(address)));
    assertEquals(plain.map(r -> "ipv4-mapped " + r), policy.refusal(v6(new byte[] {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff}, address, 12)));
    assertEquals(plain.map(r -> "nat64 " + r), policy.refusal(v6(new byte[] {
        0, 0x64, (byte) 0xff, (byte) 0x9b}, address, 12)));
    assertEquals(plain.map(r -> "6to4 " + r), policy.refusal(v6(new byte[] {0x20, 0x02}, address, 2)));
  }

  @Property(tries = 500)
  void allowingPrivateOnlyEverRefusesWhatPublicOnlyRefuses(@ForAll("interestingIpv4") int v4,
      @ForAll @Size(16) byte[] v6) throws UnknownHostException {
    for (InetAddress address : new InetAddress[] {
        InetAddress.getByAddress(bytes(v4)), Inet6Address.getByAddress(null, v6, -1)}) {
      Optional<String> lenient = DestinationPolicy.allowingPrivate().refusal(address);
      Optional<String> strict = DestinationPolicy.publicOnly().refusal(address);
      assertTrue(lenient.isEmpty() || lenient.equals(strict), address.toString());
    }
  }

  @Provide
  Arbitrary<List<Integer>> radixes() {
    return Arbitraries.of(8, 10, 16).list().ofSize(4);
  }

  @Provide
  Arbitrary<Integer> partCounts() {
    return Arbitraries.integers().between(1, 4);
  }

  /** Mostly addresses inside or at the edges of the special ranges, where mistakes would hide. */
  @Provide
  Arbitrary<Integer> interestingIpv4() {
    Arbitrary<Integer> firstOctet = Arbitraries.of(0, 10, 100, 127, 169, 172, 192, 198, 203, 224,
        239, 240, 255, 1, 8, 11, 126, 128, 223);
    return net.jqwik.api.Combinators.combine(firstOctet, Arbitraries.integers().between(0, 0xFFFFFF))
        .as((first, rest) -> (first << 24) | rest)
        .injectDuplicates(0.05);
  }

  private static String spell(long value, int radix) {
    switch (radix) {
      case 8:
        return "0" + Long.toOctalString(value);
      case 16:
        return "0x" + Long.toHexString(value);
      default:
        return Long.toString(value);
    }
  }

  private static byte[] bytes(int address) {
    return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
        (byte) address};
  }

  private static InetAddress v6(byte[] prefix, int v4, int offset) throws UnknownHostException {
    byte[] address = new byte[16];
    System.arraycopy(prefix, 0, address, 0, prefix.length);
    System.arraycopy(bytes(v4), 0, address, offset, 4);
    return Inet6Address.getByAddress(null, address, -1);
  }
}
