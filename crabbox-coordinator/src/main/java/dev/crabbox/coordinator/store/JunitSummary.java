package dev.crabbox.coordinator.store;

import java.util.List;

/** The JUnit summary a run attached: counts, total time and the names of failed tests. */
public record JunitSummary(int suites, int tests, int failures, int errors, int skipped,
    double timeSeconds, List<String> failedTests) {

  public JunitSummary {
    failedTests = failedTests == null ? List.of() : List.copyOf(failedTests);
  }
}
