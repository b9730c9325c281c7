package dev.crabbox.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BridgeHeaderRulesTest {

  @Test
  void gatewayHeadersPass() {
    Map<String, String> headers = Map.of("CF-Access-Client-Id", "id.access",
        "CF-Access-Client-Secret", "s3cret");
    assertEquals(headers, BridgeHeaderRules.extraHeaders(headers));
    assertEquals(Map.of(), BridgeHeaderRules.extraHeaders(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "host", "Upgrade", "Connection", "Sec-WebSocket-Protocol",
      "X-Crabbox-Resume-Secret", "Content-Length"})
  void headersCrabboxSetsCannotBeConfigured(String name) {
    assertEquals("coordinator header \"" + name + "\" is set by crabbox itself and cannot be configured",
        assertThrows(IllegalArgumentException.class,
            () -> BridgeHeaderRules.extraHeaders(Map.of(name, "x"))).getMessage());
  }

  @Test
  void malformedNamesAndMultiLineValuesAreRefused() {
    assertEquals("coordinator header \"bad name\" is not a valid header name",
        assertThrows(IllegalArgumentException.class,
            () -> BridgeHeaderRules.extraHeaders(Map.of("bad name", "x"))).getMessage());
    assertEquals("coordinator header \"X-Gateway\" needs a one-line value",
        assertThrows(IllegalArgumentException.class,
            () -> BridgeHeaderRules.extraHeaders(Map.of("X-Gateway", "a\r\nInjected: yes"))).getMessage());
  }
}
