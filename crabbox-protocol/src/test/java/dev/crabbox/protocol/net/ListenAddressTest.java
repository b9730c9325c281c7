package dev.crabbox.protocol.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1:3128, 127.0.0.1, 127.0.0.1, 3128, 127.0.0.1:3128",
      "localhost:3128, localhost, 127.0.0.1, 3128, localhost:3128",
      "LocalHost:8080, localhost, 127.0.0.1, 8080, localhost:8080",
      "[::1]:3128, ::1, ::1, 3128, [::1]:3128",
      "' 127.0.0.1:0 ', 127.0.0.1, 127.0.0.1, 0, 127.0.0.1:0",
      "127.0.0.1:65535, 127.0.0.1, 127.0.0.1, 65535, 127.0.0.1:65535"})
  void acceptsLoopbackOnly(String text, String host, String bindHost, int port, String canonical)
      throws ListenAddressException {
    ListenAddress address = ListenAddress.parse(text);
    assertEquals(host, address.host());
    assertEquals(bindHost, address.bindHost());
    assertEquals(port, address.port());
    assertEquals(canonical, address.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0:3128", "[::]:3128", ":3128", "192.168.1.10:3128", "10.0.0.1:80",
      "127.0.0.2:3128", "example.com:3128", "[0:0:0:0:0:0:0:1]:3128", "2130706433:3128", "[::1]x:80"})
  void refusesEverythingElseNamingTheLoopbackRule(String text) {
    ListenAddressException e = assertThrows(ListenAddressException.class, () -> ListenAddress.parse(text));
    assertEquals("--listen " + text + " refused: the lease proxy listens on loopback only "
        + "(127.0.0.1, [::1] or localhost)", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, expected HOST:PORT",
      "'', expected HOST:PORT",
      "127.0.0.1:, the port must be",
      "127.0.0.1:65536, the port must be",
      "127.0.0.1:-1, the port must be",
      "127.0.0.1:http, the port must be",
      "::1:3128, IPv6 addresses need brackets"})
  void refusesMalformedValues(String text, String rule) {
    ListenAddressException e = assertThrows(ListenAddressException.class, () -> ListenAddress.parse(text));
    assertEquals(true, e.getMessage().startsWith("--listen " + text + " refused: " + rule), e.getMessage());
  }

  @Test
  void theRecordCannotBeBuiltForANonLoopbackAddress() {
    assertThrows(IllegalArgumentException.class, () -> new ListenAddress("0.0.0.0", 1));
    assertThrows(IllegalArgumentException.class, () -> new ListenAddress("127.0.0.1", 70000));
    assertThrows(ListenAddressException.class, () -> ListenAddress.parse(null));
  }
}
