package dev.crabbox.protocol.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OpenFailureTest {

  @ParameterizedTest
  @CsvSource({
      "NOT_ALLOWLISTED, 403, Forbidden, evil.example, not allowlisted: evil.example",
      "BLOCKED_ADDRESS, 403, Forbidden, x, blocked destination: x",
      "BAD_REQUEST, 400, Bad Request, no port, bad request: no port",
      "OPEN_FAILED, 502, Bad Gateway, connection refused, open failed: connection refused",
      "OPEN_TIMEOUT, 504, Gateway Timeout, after 15s, open timeout: after 15s",
      "HOST_NOT_CONNECTED, 503, Service Unavailable, ignored, host agent not connected"})
  void messagesAndStatusesFollowTheContract(OpenFailure failure, int status, String reason,
      String detail, String message) {
    assertEquals(status, failure.httpStatus());
    assertEquals(reason, failure.reasonPhrase());
    assertEquals(message, failure.message(detail));
  }

  @ParameterizedTest
  @EnumSource(OpenFailure.class)
  void classifyRecognizesEveryMessageItWrites(OpenFailure failure) {
    assertEquals(failure, OpenFailure.classify(failure.message("detail: with \"anything\"")));
    assertEquals(failure, OpenFailure.classify(failure.message("")));
    assertEquals(failure, OpenFailure.classify(failure.message(null)));
  }

  @Test
  void blockedDetailNamesHostAddressAndRule() {
    assertEquals("blocked destination: intranet.example resolves to 10.0.0.5 (private)",
        OpenFailure.BLOCKED_ADDRESS.message(
            OpenFailure.blockedDetail("intranet.example", "10.0.0.5", "private")));
  }

  @Test
  void unknownTextIsAnOpenFailure() {
    assertEquals(OpenFailure.OPEN_FAILED, OpenFailure.classify(null));
    assertEquals(OpenFailure.OPEN_FAILED, OpenFailure.classify(""));
    assertEquals(OpenFailure.OPEN_FAILED, OpenFailure.classify("dial tcp 1.2.3.4:443: refused"));
    assertEquals(OpenFailure.OPEN_FAILED, OpenFailure.classify("Not allowlisted: x"));
    assertEquals(OpenFailure.OPEN_FAILED, OpenFailure.classify(" host agent not connected"));
    assertEquals(OpenFailure.HOST_NOT_CONNECTED, OpenFailure.classify("host agent not connected"));
  }
}
