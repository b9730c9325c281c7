package dev.crabbox.portal.page;

import dev.crabbox.coordinator.run.RunService;
import dev.crabbox.coordinator.store.JunitSummary;
import dev.crabbox.coordinator.store.RunEvent;
import dev.crabbox.coordinator.store.RunRecord;
import dev.crabbox.portal.view.Link;
import dev.crabbox.portal.view.Page;
import dev.crabbox.portal.view.Pagination;
import dev.crabbox.portal.view.RunDetailView;
import dev.crabbox.portal.web.Paths;
import dev.crabbox.portal.web.StatePills;
import dev.crabbox.portal.web.TelemetryPanel;
import dev.crabbox.portal.web.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Builds the run page: events filtered by type and search, paged; the log's last lines. Pure. */
final class RunDetail {

  static final int EVENTS_PER_PAGE = 50;
  static final int LOG_TAIL_LINES = 200;

  private RunDetail() {}

  /** The run page's query: event {@code type}, search {@code q}, event {@code page}. */
  record Query(String type, String q, int page) {

    String href(String runId, String newType, int newPage) {
      StringBuilder out = new StringBuilder(Paths.run(runId));
      char separator = '?';
      if (!newType.isEmpty()) {
        out.append(separator).append("type=").append(Paths.segment(newType));
        separator = '&';
      }
      if (!q.isEmpty()) {
        out.append(separator).append("q=").append(Paths.segment(q));
        separator = '&';
      }
      if (newPage > 1) {
        out.append(separator).append("page=").append(newPage);
      }
      return out.append("#events").toString();
    }
  }

  static RunDetailView build(Page page, RunService.Detail detail, List<RunEvent> events,
      String log, Query query, Instant now) {
    RunRecord r = detail.run();
    RunDetailView.Run run = new RunDetailView.Run(r.id(), r.command(), r.owner(), r.org(),
        r.leaseSlug(), Paths.lease(r.leaseSlug()), r.provider(), StatePills.run(r.state()),
        r.exitCode() == null ? "still running" : r.exitCode().toString(),
        Times.relative(r.startedAt(), now), Times.iso(r.startedAt()),
        Times.relative(r.endedAt(), now), Times.iso(r.endedAt()));
    List<RunDetailView.Event> matching = new ArrayList<>();
    TreeSet<String> types = new TreeSet<>();
    String needle = query.q().toLowerCase(Locale.ROOT);
    for (RunEvent e : events) {
      types.add(e.type());
      String data = e.data() == null ? "" : e.data();
      boolean typeOk = query.type().isEmpty() || query.type().equals(e.type());
      boolean textOk = needle.isEmpty() || (e.type() + " " + data).toLowerCase(Locale.ROOT)
          .contains(needle);
      if (typeOk && textOk) {
        matching.add(new RunDetailView.Event(e.seq(), e.type(), Times.relative(e.at(), now),
            Times.iso(e.at()), data));
      }
    }
    List<Link> filters = new ArrayList<>();
    filters.add(new Link("all types", query.href(r.id(), "", 1), query.type().isEmpty()));
    types.forEach(t -> filters.add(new Link(t, query.href(r.id(), t, 1), t.equals(query.type()))));
    Pagination pagination = Pagination.of(query.page(), matching.size(), EVENTS_PER_PAGE,
        n -> query.href(r.id(), query.type(), n));
    String[] lines = log.split("\n", -1);
    boolean cut = lines.length > LOG_TAIL_LINES + 1;
    String tail = cut ? String.join("\n", java.util.Arrays.copyOfRange(lines,
        lines.length - LOG_TAIL_LINES - 1, lines.length)) : log;
    return new RunDetailView(page, run, junit(detail.junit().orElse(null)), filters, query.q(),
        new ArrayList<>(Pagination.slice(matching, query.page(), EVENTS_PER_PAGE)), pagination,
        tail, cut, TelemetryPanel.of(detail.telemetry(), now, r.running()),
        Paths.run(r.id()) + "/logs", Paths.run(r.id()) + "/events");
  }

  private static RunDetailView.Junit junit(JunitSummary j) {
    return j == null ? null : new RunDetailView.Junit(j.suites(), j.tests(), j.failures(),
        j.errors(), j.skipped(), String.format(Locale.ROOT, "%.1f s", j.timeSeconds()),
        j.failedTests());
  }
}
