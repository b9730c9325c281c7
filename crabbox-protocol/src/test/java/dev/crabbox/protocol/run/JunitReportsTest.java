package dev.crabbox.protocol.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JunitReportsTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = JunitReportsTest.class.getResourceAsStream("/junit/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void surefireReportWithAnErrorNamesTheTest() throws IOException {
    JunitSummary s = JunitReports.parse(resource("TEST-dev.crabbox.agent.api.CoordinatorClientTest.xml"));
    assertEquals(new JunitSummary(1, 7, 0, 1, 0, 91.134,
        List.of("dev.crabbox.agent.api.CoordinatorClientTest.listsLeasesAndKeepsThePathPrefix")), s);
  }

  @Test
  void surefireReportWithAFailure() throws IOException {
    JunitSummary s = JunitReports.parse(resource("TEST-dev.crabbox.cli.runtime.VerboseLoggingTest.xml"));
    assertEquals(1, s.failures());
    assertEquals(0, s.errors());
    assertEquals(2, s.tests());
    assertEquals(List.of("dev.crabbox.cli.runtime.VerboseLoggingTest.defaultIsWarnAndAboveOnly"),
        s.failedTests());
  }

  @Test
  void reportsAddUp() throws IOException {
    JunitSummary total = JunitSummary.EMPTY;
    for (String name : List.of("TEST-dev.crabbox.agent.api.CoordinatorClientTest.xml",
        "TEST-dev.crabbox.cli.runtime.VerboseLoggingTest.xml",
        "TEST-dev.crabbox.protocol.egress.OpenFailureTest.xml")) {
      total = total.plus(JunitReports.parse(resource(name)));
    }
    assertEquals(3, total.suites());
    assertEquals(23, total.tests());
    assertEquals(1, total.failures());
    assertEquals(1, total.errors());
    assertEquals(2, total.failedTests().size());
    assertEquals(91.134 + 0.059 + 0.006, total.timeSeconds(), 1e-9);
  }

  @Test
  void nestedSuitesCountOnlyLeavesAndCasesWhenAttributesAreMissing() {
    String xml = """
        <testsuites tests="99" failures="99">
          <testsuite name="outer">
            <testsuite name="a">
              <testcase classname="pkg.A" name="ok" time="0.5"/>
              <testcase classname="pkg.A" name="bad" time="1,000.25"><failure message="x"/></testcase>
              <testcase classname="pkg.A" name="off"><skipped/></testcase>
            </testsuite>
          </testsuite>
          <testsuite name="b" tests="1" time="2">
            <testcase name="flaky"><flakyFailure message="first try"/></testcase>
          </testsuite>
        </testsuites>
        """;
    JunitSummary s = JunitReports.parse(xml);
    assertEquals(new JunitSummary(2, 4, 1, 0, 1, 1000.75 + 2, List.of("pkg.A.bad")), s);
  }

  @Test
  void refusesSomethingThatIsNotAReport() {
    IllegalArgumentException notXml = assertThrows(IllegalArgumentException.class,
        () -> JunitReports.parse("{\"json\":true}"));
    assertTrue(notXml.getMessage().startsWith("not well-formed XML"), notXml.getMessage());
    IllegalArgumentException wrongRoot = assertThrows(IllegalArgumentException.class,
        () -> JunitReports.parse("<project/>"));
    assertEquals("not a JUnit report: the root element is <project>, not <testsuite> or <testsuites>",
        wrongRoot.getMessage());
  }

  @Test
  void refusesDoctypesSoNoEntityIsExpanded() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<testsuite name=\"&x;\"/>";
    assertThrows(IllegalArgumentException.class, () -> JunitReports.parse(xxe));
  }

  @Test
  void apiBodyCapsFailedNames() {
    List<String> names = java.util.stream.IntStream.range(0, 1200)
        .mapToObj(i -> "t" + i + "x".repeat(600)).toList();
    Map<String, Object> json = new JunitSummary(1, 1200, 1200, 0, 0, 1, names).toJson();
    List<?> kept = (List<?>) json.get("failedTests");
    assertEquals(JunitSummary.MAX_FAILED_TESTS, kept.size());
    assertEquals(JunitSummary.MAX_TEST_NAME_CHARS, kept.get(0).toString().length());
    assertEquals(1200, json.get("tests"));
  }
}
