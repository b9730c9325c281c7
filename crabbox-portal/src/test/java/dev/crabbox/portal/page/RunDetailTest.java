package dev.crabbox.portal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.run.RunService;
import dev.crabbox.coordinator.store.RunEvent;
import dev.crabbox.coordinator.store.RunRecord;
import dev.crabbox.coordinator.store.RunState;
import dev.crabbox.portal.view.Link;
import dev.crabbox.portal.view.Page;
import dev.crabbox.portal.view.RunDetailView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunDetailTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final RunService.Detail DETAIL = new RunService.Detail(new RunRecord("run_1",
      "cbx_1", "blue-crab", "alice", "acme", "manual", "make", RunState.FAILED, NOW, NOW, 2),
      Optional.empty(), List.of());

  private static List<RunEvent> events(int count) {
    List<RunEvent> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(new RunEvent(i, i % 2 == 0 ? "step.even" : "step.odd", NOW,
          "{\"n\":" + i + "}"));
    }
    return events;
  }

  private static RunDetailView view(List<RunEvent> events, String log, String type, String q,
      int page) {
    return RunDetail.build(new Page("Run", "n", null), DETAIL, events, log,
        new RunDetail.Query(type, q, page), NOW);
  }

  @Test
  void eventsFilterByTypeAndTextAndPage() {
    RunDetailView all = view(events(120), "", "", "", 1);
    assertEquals(50, all.events().size());
    assertEquals(List.of("all types", "step.even", "step.odd"),
        all.typeFilters().stream().map(Link::text).toList());
    assertEquals("/portal/runs/run_1?page=2#events", all.pagination().next());

    RunDetailView even = view(events(120), "", "step.even", "", 2);
    assertEquals(10, even.events().size());
    assertEquals(102, even.events().get(0).seq(), "the 51st even event");
    assertNull(even.pagination().next());

    assertEquals(List.of(7L), view(events(120), "", "", "\"n\":7}", 1).events().stream()
        .map(RunDetailView.Event::seq).toList());
  }

  @Test
  void theLogTailKeepsTheLastLines() {
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 250; i++) {
      log.append("line ").append(i).append('\n');
    }
    RunDetailView cut = view(List.of(), log.toString(), "", "", 1);
    assertTrue(cut.logCut());
    assertTrue(cut.logTail().startsWith("line 51\n"), cut.logTail().substring(0, 20));
    assertTrue(cut.logTail().endsWith("line 250\n"));
    assertFalse(view(List.of(), "short\n", "", "", 1).logCut());
    assertEquals("2", cut.run().exitCode());
  }
}
