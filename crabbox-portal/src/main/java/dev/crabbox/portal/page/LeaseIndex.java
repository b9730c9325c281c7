package dev.crabbox.portal.page;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.runner.RunnerViews;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.RunnerRecord;
import dev.crabbox.portal.view.Column;
import dev.crabbox.portal.view.Command;
import dev.crabbox.portal.view.IndexView;
import dev.crabbox.portal.view.IndexView.Row;
import dev.crabbox.portal.view.Link;
import dev.crabbox.portal.view.Option;
import dev.crabbox.portal.view.Page;
import dev.crabbox.portal.view.Pagination;
import dev.crabbox.portal.web.Paths;
import dev.crabbox.portal.web.StatePills;
import dev.crabbox.portal.web.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the index grid from what the services let the caller see: leases (own, shared, org;
 * admins all) and, for admins only, external runners. Pure: no I/O, no clock of its own.
 */
final class LeaseIndex {

  static final int PAGE_SIZE = 25;

  private LeaseIndex() {}

  /** A row plus what sorting and filtering need but the page does not show. */
  private record Entry(Row row, boolean active, Instant created, Instant expires, String status) {}

  static IndexView build(Page page, Caller caller, List<LeaseRecord> leases,
      List<RunnerRecord> runners, IndexQuery query, Instant now) {
    List<Entry> scoped = new ArrayList<>();
    boolean admin = caller.admin();
    if (!admin || !"system".equals(query.scope())) {
      for (LeaseRecord lease : leases) {
        if (admin && "mine".equals(query.scope()) && !caller.owner().equals(lease.owner())) {
          continue;
        }
        scoped.add(leaseEntry(lease, now));
      }
    }
    if (admin && !"mine".equals(query.scope())) {
      runners.forEach(runner -> scoped.add(runnerEntry(runner, now)));
    }
    String note = "";
    IndexQuery effective = query;
    if (query.state().isEmpty()) {
      boolean anyActive = scoped.stream().anyMatch(e -> !e.row().runner() && e.active());
      effective = query.withState(anyActive ? "active" : "all").withPage(query.page());
      note = anyActive ? "Showing active leases; choose All to see ended ones."
          : "No active leases, so all visible leases are shown.";
    }
    IndexQuery q = effective;
    List<Entry> filtered = new ArrayList<>();
    for (Entry e : scoped) {
      if (matches(e, q)) {
        filtered.add(e);
      }
    }
    filtered.sort(order(q));
    int size = PAGE_SIZE;
    Pagination pagination = Pagination.of(q.page(), filtered.size(), size,
        n -> q.withPage(n).href());
    List<Row> rows = new ArrayList<>();
    Pagination.slice(filtered, q.page(), size).forEach(e -> rows.add(e.row()));
    return new IndexView(page, stateLinks(q), admin ? scopeLinks(q) : List.of(),
        options(scoped, e -> e.row().provider(), q.provider(), "all providers"),
        options(scoped, e -> e.row().target(), q.target(), "all targets"),
        admin ? options(scoped, Entry::status, q.status(), "all runner states") : List.of(),
        new IndexView.Query(q.state(), q.scope(), q.q(), q.sort(), q.dir()),
        columns(q), rows, pagination, note);
  }

  private static Entry leaseEntry(LeaseRecord l, Instant now) {
    Row row = new Row(false, l.slug(), l.id(), Paths.lease(l.slug()), l.owner(), l.org(),
        l.provider(), l.target(), StatePills.lease(l.stateAt(now)), l.machine() != null,
        l.desktop(), l.code(), l.browser(), Times.relative(l.createdAt(), now),
        Times.iso(l.createdAt()), Times.relative(l.expiresAt(), now), Times.iso(l.expiresAt()),
        false, false, null, null, null);
    return new Entry(row, l.activeAt(now), l.createdAt(), l.expiresAt(), "");
  }

  private static Entry runnerEntry(RunnerRecord r, Instant now) {
    String name = r.name() == null || r.name().isEmpty() ? r.id() : r.name();
    Instant created = r.createdAt() != null ? r.createdAt() : r.firstSeenAt();
    Row row = new Row(true, name, r.id(), Paths.runner(r.provider(), r.id()), r.owner(), r.org(),
        r.provider(), "external", StatePills.runner(r.status()), false, false, false, false,
        Times.relative(created, now), Times.iso(created), "", "", RunnerViews.stuck(r, now),
        r.stale(), RunnerViews.actionsRunUrl(r), r.workflow(),
        new Command("stop-" + r.provider() + "-" + r.id(), "stop", RunnerViews.stopCommand(r)));
    boolean live = !r.stale() && ("queued".equals(r.status()) || "running".equals(r.status()));
    return new Entry(row, live, created, null, r.status());
  }

  private static boolean matches(Entry e, IndexQuery q) {
    if ("active".equals(q.state()) && !e.active()) {
      return false;
    }
    if ("ended".equals(q.state()) && e.active()) {
      return false;
    }
    if (!q.provider().isEmpty() && !q.provider().equals(e.row().provider())) {
      return false;
    }
    if (!q.target().isEmpty() && !q.target().equals(e.row().target())) {
      return false;
    }
    if (!q.status().isEmpty() && !q.status().equals(e.status())) {
      return false;
    }
    return q.q().isEmpty() || e.row().search().toLowerCase(Locale.ROOT)
        .contains(q.q().toLowerCase(Locale.ROOT));
  }

  private static Comparator<Entry> order(IndexQuery q) {
    Comparator<Entry> by;
    switch (q.sort()) {
      case "name":
        by = text(e -> e.row().name());
        break;
      case "owner":
        by = text(e -> e.row().owner());
        break;
      case "provider":
        by = text(e -> e.row().provider());
        break;
      case "target":
        by = text(e -> e.row().target());
        break;
      case "state":
        by = text(e -> e.row().state().text());
        break;
      case "expires":
        by = Comparator.comparing(Entry::expires, Comparator.nullsFirst(Comparator.naturalOrder()));
        break;
      default:
        by = Comparator.comparing(Entry::created);
    }
    by = by.thenComparing(e -> e.row().id());
    return "desc".equals(q.dir()) ? by.reversed() : by;
  }

  private static Comparator<Entry> text(Function<Entry, String> key) {
    return Comparator.comparing(e -> key.apply(e).toLowerCase(Locale.ROOT));
  }

  private static List<Link> stateLinks(IndexQuery q) {
    List<Link> links = new ArrayList<>();
    for (String state : List.of("active", "ended", "all")) {
      links.add(new Link(capitalized(state), q.withState(state).href(), state.equals(q.state())));
    }
    return links;
  }

  private static List<Link> scopeLinks(IndexQuery q) {
    List<Link> links = new ArrayList<>();
    for (String scope : List.of("all", "mine", "system")) {
      String text = "all".equals(scope) ? "Everyone" : capitalized(scope);
      links.add(new Link(text, q.withScope(scope).href(), scope.equals(q.scope())));
    }
    return links;
  }

  private static List<Option> options(List<Entry> entries, Function<Entry, String> key,
      String selected, String any) {
    TreeSet<String> values = new TreeSet<>();
    entries.forEach(e -> {
      String value = key.apply(e);
      if (value != null && !value.isEmpty()) {
        values.add(value);
      }
    });
    List<Option> options = new ArrayList<>();
    options.add(new Option("", any, selected.isEmpty()));
    values.forEach(v -> options.add(new Option(v, v, v.equals(selected))));
    return options;
  }

  private static List<Column> columns(IndexQuery q) {
    List<Column> columns = new ArrayList<>();
    String[][] all = {{"Lease", "name"}, {"Owner", "owner"}, {"Provider", "provider"},
        {"Target", "target"}, {"State", "state"}, {"Created", "created"}, {"Expires", "expires"}};
    for (String[] c : all) {
      String aria = c[1].equals(q.sort()) ? ("asc".equals(q.dir()) ? "ascending" : "descending")
          : "none";
      columns.add(new Column(c[0], q.withSort(c[1]).href(), aria));
    }
    return columns;
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

}
