package dev.crabbox.protocol.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of one or more JUnit XML reports, as {@code POST /v1/runs/{id}/junit} takes them.
 *
 * @param suites test suites (leaf {@code <testsuite>} elements)
 * @param tests test cases run
 * @param failures failed assertions
 * @param errors tests that threw something other than an assertion failure
 * @param skipped skipped or disabled tests
 * @param timeSeconds the suites' summed wall time
 * @param failedTests {@code classname.name} of every failed or errored test, in report order
 */
public record JunitSummary(int suites, int tests, int failures, int errors, int skipped,
    double timeSeconds, List<String> failedTests) {

  /** Most failed test names the API keeps; more are dropped from the body. */
  public static final int MAX_FAILED_TESTS = 1000;
  /** Longest failed test name the API keeps; longer ones are cut. */
  public static final int MAX_TEST_NAME_CHARS = 512;

  /** No reports at all. */
  public static final JunitSummary EMPTY = new JunitSummary(0, 0, 0, 0, 0, 0, List.of());

  public JunitSummary {
    failedTests = List.copyOf(failedTests);
  }

  /** The totals of this summary and {@code other}. */
  public JunitSummary plus(JunitSummary other) {
    List<String> names = new ArrayList<>(failedTests);
    names.addAll(other.failedTests);
    return new JunitSummary(suites + other.suites, tests + other.tests, failures + other.failures,
        errors + other.errors, skipped + other.skipped, timeSeconds + other.timeSeconds, names);
  }

  /** The API body, with the failed test names capped to what the API accepts. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("suites", suites);
    json.put("tests", tests);
    json.put("failures", failures);
    json.put("errors", errors);
    json.put("skipped", skipped);
    json.put("timeSeconds", timeSeconds);
    json.put("failedTests", failedTests.stream().limit(MAX_FAILED_TESTS)
        .map(name -> name.length() > MAX_TEST_NAME_CHARS ? name.substring(0, MAX_TEST_NAME_CHARS) : name)
        .toList());
    return json;
  }
}
