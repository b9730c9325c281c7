package dev.crabbox.portal.view;

import java.util.List;

/** The run page: the run, its JUnit summary, events (filtered, paged), log tail and trends. */
public record RunDetailView(Page page, Run run, Junit junit, List<Link> typeFilters,
    String search, List<Event> events, Pagination pagination, String logTail, boolean logCut,
    TelemetryView telemetry, String logsHref, String eventsHref) {

  /** The run's header facts. */
  public record Run(String id, String command, String owner, String org, String leaseSlug,
      String leaseHref, String provider, Pill state, String exitCode, String started,
      String startedIso, String ended, String endedIso) {}

  /** JUnit counts and failed test names; null when the run attached none. */
  public record Junit(int suites, int tests, int failures, int errors, int skipped, String time,
      List<String> failedTests) {}

  /** One event row; {@code data} is the event's JSON text. */
  public record Event(long seq, String type, String at, String atIso, String data) {}
}
