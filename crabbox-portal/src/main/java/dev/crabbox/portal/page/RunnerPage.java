package dev.crabbox.portal.page;

import static dev.crabbox.portal.session.SessionAuth.session;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.runner.RunnerViews;
import dev.crabbox.coordinator.store.RunnerRecord;
import dev.crabbox.portal.session.PortalSession;
import dev.crabbox.portal.view.Command;
import dev.crabbox.portal.view.Page;
import dev.crabbox.portal.view.RunnerDetailView;
import dev.crabbox.portal.view.RunnerDetailView.Fact;
import dev.crabbox.portal.web.Pages;
import dev.crabbox.portal.web.StatePills;
import dev.crabbox.portal.web.Times;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /portal/runners/{provider}/{runner-id}}: the visibility-only page of an external
 * runner, for admins and the operator who synced it (as {@code GET /v1/runners/…}); anyone else
 * gets the same 404 as for an unknown runner.
 */
public final class RunnerPage {

  private final Pages pages;
  private final CoordinatorServices services;

  public RunnerPage(Pages pages, CoordinatorServices services) {
    this.pages = pages;
    this.services = services;
  }

  public void show(RoutingContext ctx) {
    PortalSession session = session(ctx);
    pages.respond(ctx, session, () -> services.runners().find(session.caller(),
            ctx.pathParam("provider"), ctx.pathParam("runner")),
        runner -> pages.render(ctx, 200, "runner.jte", view(pages.page(ctx,
            "Runner " + runner.id(), session), runner, services.runners().now())));
  }

  static RunnerDetailView view(Page page, RunnerRecord r, Instant now) {
    List<Fact> times = new ArrayList<>();
    time(times, "created", r.createdAt(), now);
    time(times, "started", r.startedAt(), now);
    time(times, "first seen", r.firstSeenAt(), now);
    time(times, "last seen", r.lastSeenAt(), now);
    time(times, "stale since", r.staleSince(), now);
    List<Fact> labels = new ArrayList<>();
    r.labels().forEach((k, v) -> labels.add(new Fact(k, v, "")));
    String name = r.name() == null || r.name().isEmpty() ? r.id() : r.name();
    return new RunnerDetailView(page, r.provider(), r.id(), name, r.owner(), r.org(),
        StatePills.runner(r.status()), RunnerViews.stuck(r, now), r.stale(), r.repo(),
        r.workflow(), r.runId(), r.job(), RunnerViews.actionsRunUrl(r), times, labels,
        new Command("runner-stop", "stop", RunnerViews.stopCommand(r)));
  }

  private static void time(List<Fact> facts, String name, Instant at, Instant now) {
    if (at != null) {
      facts.add(new Fact(name, Times.relative(at, now), Times.iso(at)));
    }
  }
}
