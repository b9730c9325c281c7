package dev.crabbox.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProxyResponsesTest {

  @Test
  void openFailuresMapToStatusAndOneLineBody() {
    assertEquals("HTTP/1.1 504 Gateway Timeout\r\nContent-Type: text/plain\r\nContent-Length: 41\r\n"
            + "Connection: close\r\n\r\ncrabbox egress: open timeout: a.test:443\n",
        ProxyResponses.openFailure("open timeout: a.test:443").toString());
    assertEquals(502, status(ProxyResponses.openFailure("something unexpected").toString()));
    assertEquals(503, status(ProxyResponses.openFailure("host agent not connected").toString()));
    assertEquals(403, status(ProxyResponses.openFailure("blocked destination: x resolves to 10.0.0.1 (private)")
        .toString()));
  }

  @Test
  void messagesStayOnOneLine() {
    assertEquals("crabbox egress: bad  request\n",
        ProxyResponses.error(400, "Bad Request", "bad\r\nrequest").toString().split("\r\n\r\n")[1]);
  }

  @Test
  void connectionEstablishedIsExact() {
    assertEquals("HTTP/1.1 200 Connection Established\r\nProxy-Agent: crabbox\r\n\r\n",
        ProxyResponses.CONNECTION_ESTABLISHED.toString());
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
