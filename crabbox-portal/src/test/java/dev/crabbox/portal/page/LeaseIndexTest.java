package dev.crabbox.portal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.coordinator.store.RunnerRecord;
import dev.crabbox.portal.view.IndexView;
import dev.crabbox.portal.view.Page;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseIndexTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Caller ALICE = new Caller("alice", "acme", Role.USER);
  private static final Caller ADMIN = new Caller("admin", "", Role.ADMIN);
  private static final Page PAGE = new Page("Leases", "n", null);

  private static LeaseRecord lease(String slug, String owner, LeaseState state, int minutesAgo) {
    Instant created = NOW.minus(Duration.ofMinutes(minutesAgo));
    return new LeaseRecord("cbx_" + slug, slug, owner, "acme", "manual", "linux", state, false,
        false, false, Duration.ofHours(4), Duration.ofHours(1), created, created, created,
        LeaseRecord.expiry(created, created, Duration.ofHours(4), Duration.ofHours(1)));
  }

  private static RunnerRecord runner(String id, String status, boolean stale, int minutesAgo) {
    Instant seen = NOW.minus(Duration.ofMinutes(minutesAgo));
    return new RunnerRecord("blacksmith-testbox", id, id, "alice", "acme", status, "acme/w",
        "ci.yml", "12", null, Map.of(), seen, seen, seen, seen, stale, stale ? NOW : null);
  }

  private static IndexView build(Caller caller, List<LeaseRecord> leases,
      List<RunnerRecord> runners, String query) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        params.add(kv[0], kv[1]);
      }
    }
    return LeaseIndex.build(PAGE, caller, leases, runners, IndexQuery.parse(params), NOW);
  }

  private static List<String> names(IndexView view) {
    return view.rows().stream().map(IndexView.Row::name).toList();
  }

  @Test
  void defaultsToActiveWhenAnyLeaseIsActiveElseAll() {
    List<LeaseRecord> mixed = List.of(lease("live", "alice", LeaseState.ACTIVE, 5),
        lease("gone", "alice", LeaseState.RELEASED, 10));
    IndexView view = build(ALICE, mixed, List.of(), "");
    assertEquals(List.of("live"), names(view));
    assertEquals("active", view.query().state());

    IndexView ended = build(ALICE, List.of(lease("gone", "alice", LeaseState.RELEASED, 10)),
        List.of(), "");
    assertEquals(List.of("gone"), names(ended));
    assertEquals("all", ended.query().state());
    assertEquals("No active leases, so all visible leases are shown.", ended.note());

    assertEquals(List.of("gone"), names(build(ALICE, mixed, List.of(), "state=ended")));
  }

  @Test
  void runnersAreForAdminsOnlyAndScopesSplitThem() {
    List<LeaseRecord> leases = List.of(lease("mine", "admin", LeaseState.ACTIVE, 1),
        lease("theirs", "alice", LeaseState.ACTIVE, 2));
    List<RunnerRecord> runners = List.of(runner("tbx_q", "queued", false, 30),
        runner("tbx_old", "completed", true, 40));
    assertEquals(List.of("mine", "theirs"), names(build(ALICE, leases, runners, "")),
        "runners handed to a normal user's index are never shown");
    assertTrue(build(ALICE, leases, runners, "").scopes().isEmpty());

    assertEquals(List.of("mine", "theirs", "tbx_q", "tbx_old"),
        names(build(ADMIN, leases, runners, "state=all")));
    assertEquals(List.of("mine"), names(build(ADMIN, leases, runners, "scope=mine&state=all")));
    IndexView system = build(ADMIN, leases, runners, "scope=system&state=all");
    assertEquals(List.of("tbx_q", "tbx_old"), names(system));
    IndexView.Row queued = system.rows().get(0);
    assertTrue(queued.runner() && queued.stuck(), "queued for 30 min is stuck");
    assertEquals("https://github.com/acme/w/actions/runs/12", queued.actionsUrl());
    assertEquals("blacksmith testbox stop tbx_q", queued.stop().text());
    assertTrue(system.rows().get(1).stale());
    assertEquals(List.of("tbx_old"), names(build(ADMIN, leases, runners,
        "scope=system&state=all&status=completed")));
  }

  @Test
  void searchesSortsAndPages() {
    List<LeaseRecord> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(lease(String.format("lease-%02d", i), "alice", LeaseState.ACTIVE, i));
    }
    IndexView first = build(ALICE, many, List.of(), "");
    assertEquals(25, first.rows().size());
    assertEquals("lease-00", first.rows().get(0).name(), "newest first by default");
    assertEquals("/portal?state=active&page=2", first.pagination().next());
    IndexView second = build(ALICE, many, List.of(), "state=active&page=2");
    assertEquals(List.of("lease-25", "lease-26", "lease-27", "lease-28", "lease-29"),
        names(second));
    assertEquals("lease-29", build(ALICE, many, List.of(), "sort=name&dir=desc").rows().get(0)
        .name());
    assertEquals(List.of("lease-17"), names(build(ALICE, many, List.of(), "q=ASE-17")));
    assertEquals("/portal?state=active&sort=name&dir=asc", first.columns().get(0).href());
  }
}
