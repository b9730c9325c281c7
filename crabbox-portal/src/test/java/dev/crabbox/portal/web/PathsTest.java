package dev.crabbox.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example", "//evil.example", "/portal//evil.example",
      "/portal\\..\\v1", "/portal/../v1", "/portal/x\n", "/portalx", "javascript:alert(1)", ""})
  void loginNeverReturnsOutsideThePortal(String next) {
    assertEquals("/portal", Paths.safeNext(next));
  }

  @Test
  void portalPathsSurviveLoginAndSegmentsAreEncoded() {
    assertEquals("/portal/runs/run_1?type=a", Paths.safeNext("/portal/runs/run_1?type=a"));
    assertEquals("/portal/runners/blacksmith-testbox/a%2Fb%20c%3F",
        Paths.runner("blacksmith-testbox", "a/b c?"));
  }
}
