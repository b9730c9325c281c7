package dev.crabbox.protocol.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationPolicyTest {

  private final DestinationPolicy publicOnly = DestinationPolicy.publicOnly();
  private final DestinationPolicy allowingPrivate = DestinationPolicy.allowingPrivate();

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, loopback", "127.255.255.254, loopback", "2130706433, loopback", "0x7f.1, loopback",
      "10.0.0.1, private", "10.255.255.255, private",
      "172.16.0.1, private", "172.31.255.255, private",
      "192.168.0.1, private", "192.168.255.255, private",
      "100.64.0.1, cgnat", "100.127.255.255, cgnat",
      "169.254.169.254, link-local",
      "224.0.0.1, multicast", "239.255.255.255, multicast",
      "255.255.255.255, broadcast",
      "240.0.0.1, reserved", "255.255.255.254, reserved",
      "0.0.0.0, unspecified", "0.1.2.3, unspecified",
      "192.0.2.1, documentation", "198.51.100.7, documentation", "203.0.113.255, documentation",
      "198.18.0.1, benchmarking", "198.19.255.255, benchmarking",
      "192.0.0.8, ietf protocol assignments",
      "::1, loopback", "::, unspecified",
      "fc00::1, ipv6 unique-local", "fd12:3456::1, ipv6 unique-local",
      "fe80::1, link-local", "febf::1, link-local", "fec0::1, ipv6 site-local",
      "ff02::1, multicast", "ff0e::1, multicast",
      "2001:db8::1, documentation", "3fff::1, documentation",
      "100::1, discard-only", "64:ff9b:1::1, nat64 local-use",
      "::ffff:127.0.0.1, ipv4-mapped loopback", "::ffff:10.1.2.3, ipv4-mapped private",
      "::ffff:0.0.0.0, ipv4-mapped unspecified", "::ffff:169.254.1.1, ipv4-mapped link-local",
      "::127.0.0.1, ipv4-compatible loopback", "::10.0.0.1, ipv4-compatible private",
      "::0.0.0.2, ipv4-compatible unspecified",
      "64:ff9b::10.0.0.1, nat64 private", "64:ff9b::127.0.0.1, nat64 loopback",
      "64:ff9b::192.168.1.1, nat64 private",
      "2002:7f00:1::, 6to4 loopback", "2002:c0a8:101::1, 6to4 private",
      "2002:a9fe:a9fe::, 6to4 link-local",
      "2001:0:4136:e378:8000:63bf:80ff:fffe, teredo loopback"})
  void publicOnlyRefusesNonPublicAddressesNamingTheRule(String host, String rule) {
    assertEquals(Optional.of(rule), publicOnly.refusal(address(host)), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.215.14", "100.63.255.255", "100.128.0.0",
      "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "169.253.255.255",
      "198.17.255.255", "198.20.0.0", "192.0.1.255", "192.0.3.0", "223.255.255.255", "11.0.0.0",
      "126.255.255.255", "128.0.0.0", "2606:4700:4700::1111", "2a00:1450:4001::200e",
      "::ffff:8.8.8.8", "::8.8.8.8", "64:ff9b::8.8.8.8", "2002:808:808::1", "2001:db9::1",
      "fbff::1", "fe7f::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"})
  void publicOnlyAllowsPublicUnicast(String host) {
    assertEquals(Optional.empty(), publicOnly.refusal(address(host)), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "100.100.100.100",
      "169.254.0.1", "192.0.2.1", "198.18.0.1", "::1", "fd00::1", "fe80::1", "2001:db8::1",
      "::ffff:127.0.0.1", "64:ff9b::10.0.0.1", "2002:7f00:1::", "::ffff:192.168.0.1"})
  void allowingPrivateLiftsTheNonPublicRules(String host) {
    assertTrue(publicOnly.refusal(address(host)).isPresent(), host);
    assertEquals(Optional.empty(), allowingPrivate.refusal(address(host)), host);
  }

  @ParameterizedTest
  @CsvSource({
      "0.0.0.0, unspecified", "224.0.0.251, multicast", "255.255.255.255, broadcast",
      "240.0.0.1, reserved", "::, unspecified", "ff02::fb, multicast",
      "::ffff:224.0.0.1, ipv4-mapped multicast", "64:ff9b::255.255.255.255, nat64 broadcast",
      "::ffff:0.0.0.0, ipv4-mapped unspecified", "192.0.0.1, ietf protocol assignments"})
  void allowingPrivateStillRefusesWhatIsNeverAPeer(String host, String rule) {
    assertEquals(Optional.of(rule), allowingPrivate.refusal(address(host)), host);
  }

  @Test
  void javaMappedAddressesArriveAsIpv4AndAreJudgedAsSuch() throws UnknownHostException {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    assertEquals(Optional.of("loopback"), publicOnly.refusal(InetAddress.getByAddress(mapped)));
  }

  @Test
  void policiesDescribeThemselves() {
    assertFalse(publicOnly.allowsPrivate());
    assertTrue(allowingPrivate.allowsPrivate());
    assertEquals("DestinationPolicy[public only]", publicOnly.toString());
    assertEquals("DestinationPolicy[allowing private]", allowingPrivate.toString());
    assertThrows(NullPointerException.class, () -> publicOnly.refusal(null));
  }

  private static InetAddress address(String host) {
    return NumericHost.parse(host).orElseThrow(() -> new AssertionError("not numeric: " + host));
  }
}
