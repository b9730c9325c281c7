package dev.crabbox.protocol.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericHostTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "2130706433", "017700000001", "0x7f000001", "0X7F000001",
      "0x7f.1", "127.1", "0177.0.0.1", "0x7f.0.0.1", "127.0.1", "0177.0.0x0.01", "127.0.0.1.",
      "00000000000000000177.0.0.1", "0x00000000007f.1"})
  void inetAtonSpellingsOfLoopback(String host) {
    assertEquals("127.0.0.1", address(host));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0.0.0.0",
      "0x, 0.0.0.0",
      "4294967295, 255.255.255.255",
      "0xffffffff, 255.255.255.255",
      "037777777777, 255.255.255.255",
      "1.16777215, 1.255.255.255",
      "1.2.65535, 1.2.255.255",
      "10.0xff.0377.255, 10.255.255.255",
      "3232235777, 192.168.1.1",
      "192.168.257, 192.168.1.1",
      "8.8.8.8, 8.8.8.8"})
  void lastPartFillsTheRemainingBytes(String host, String expected) {
    assertEquals(expected, address(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4294967296", "0x100000000", "040000000000", "1.16777216", "1.2.65536",
      "1.2.3.256", "256.0.0.1", "1.2.3.4.5", "08", "0.09", "0xg", "1..2", ".1", "1.2.3.4..",
      "example.com", "1.2.3.com", "localhost", "", "-1", "+1", "1e3", "1 2", "\u0661\u0662\u0667.0.0.1",
      "99999999999999999999999", "0x7f.1.2.3.4"})
  void notAnIpv4Literal(String host) {
    assertEquals(Optional.empty(), NumericHost.parse(host));
  }

  @ParameterizedTest
  @CsvSource({
      "::1, 0:0:0:0:0:0:0:1",
      "[::1], 0:0:0:0:0:0:0:1",
      "::, 0:0:0:0:0:0:0:0",
      "[::], 0:0:0:0:0:0:0:0",
      "2001:DB8::1, 2001:db8:0:0:0:0:0:1",
      "fe80::1%eth0, fe80:0:0:0:0:0:0:1",
      "[fe80::1%25eth0], fe80:0:0:0:0:0:0:1",
      "::ffff:127.0.0.1, 0:0:0:0:0:ffff:7f00:1",
      "[::ffff:7f00:1], 0:0:0:0:0:ffff:7f00:1",
      "64:ff9b::10.0.0.1, 64:ff9b:0:0:0:0:a00:1",
      "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
      "1::, 1:0:0:0:0:0:0:0",
      "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
      "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8"})
  void ipv6Literals(String host, String expected) {
    InetAddress address = NumericHost.parse(host).orElseThrow();
    assertInstanceOf(Inet6Address.class, address);
    assertEquals(expected, address.getHostAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::",
      "g::1", "::1%", "[::1", "::1]", "[[::1]]", "::1.2.3", "::1.2.3.256", "::01.2.3.4",
      "1.2.3.4::", "::1.2.3.4:5", ":1::", "1::2:", "fe80::1%eth 0", "fe80::1%et/h",
      "[127.0.0.1]", "[example.com]", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "\uff10::1"})
  void notAnIpv6Literal(String host) {
    assertEquals(Optional.empty(), NumericHost.parse(host));
  }

  @Test
  void ipv4IsReturnedAsInet4AddressAndNullIsNotNumeric() {
    assertInstanceOf(Inet4Address.class, NumericHost.parse("1.2.3.4").orElseThrow());
    assertEquals(Optional.empty(), NumericHost.parse(null));
    assertEquals(Optional.empty(), NumericHost.parse("1".repeat(301)));
  }

  private static String address(String host) {
    return NumericHost.parse(host).orElseThrow(() -> new AssertionError(host)).getHostAddress();
  }
}
