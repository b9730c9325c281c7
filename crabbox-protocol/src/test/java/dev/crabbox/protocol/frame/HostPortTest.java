package dev.crabbox.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

  @ParameterizedTest
  @CsvSource({
      "example.com:443, example.com, 443",
      "EXAMPLE.com:1, EXAMPLE.com, 1",
      "10.0.0.1:65535, 10.0.0.1, 65535",
      "[::1]:80, ::1, 80",
      "[fe80::1%eth0]:8080, fe80::1%eth0, 8080",
      "host_name:00080, host_name, 80"})
  void parsesHostAndPort(String text, String host, int port) {
    assertEquals(Optional.of(new HostPort(host, port)), HostPort.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "example.com", "example.com:", ":443", "example.com:0",
      "example.com:65536", "example.com:123456", "example.com:+80", "example.com:8o", "::1:80",
      "[::1]", "[::1]80", "[::1:80", "[]:80", "[1.2.3.4]:80", "a b:80", "a/b:80", "a@b:80",
      "ex\u00e4mple.com:80"})
  void refusesAnythingElse(String text) {
    assertEquals(Optional.empty(), HostPort.parse(text));
  }

  @Test
  void nullIsNotAHostPort() {
    assertEquals(Optional.empty(), HostPort.parse(null));
    assertEquals(-1, HostPort.parsePort(null));
    assertFalse(HostPort.validHost(null));
  }

  @Test
  void formatsIpv6InBracketsAndRoundTrips() {
    assertEquals("[::1]:80", HostPort.format("::1", 80));
    assertEquals("example.com:443", new HostPort("example.com", 443).toString());
    for (HostPort hp : new HostPort[] {new HostPort("::1", 1), new HostPort("a.b", 65535)}) {
      assertEquals(Optional.of(hp), HostPort.parse(hp.toString()));
    }
  }

  @Test
  void hostLengthFollowsTheDnsLimit() {
    assertTrue(HostPort.validHost("a".repeat(WireLimits.MAX_HOST_LENGTH)));
    assertFalse(HostPort.validHost("a".repeat(WireLimits.MAX_HOST_LENGTH + 1)));
    assertFalse(HostPort.validHost(""));
  }
}
