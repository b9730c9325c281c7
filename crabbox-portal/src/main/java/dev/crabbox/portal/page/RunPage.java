package dev.crabbox.portal.page;

import static dev.crabbox.portal.session.SessionAuth.session;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.run.RunViews;
import dev.crabbox.portal.session.PortalSession;
import dev.crabbox.portal.web.Pages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /portal/runs/{run-id}} and its raw companions {@code …/logs} (text/plain) and
 * {@code …/events} (JSON, the {@code /v1} shape). A run is visible exactly when its lease is.
 */
public final class RunPage {

  private final Pages pages;
  private final CoordinatorServices services;

  public RunPage(Pages pages, CoordinatorServices services) {
    this.pages = pages;
    this.services = services;
  }

  public void show(RoutingContext ctx) {
    PortalSession session = session(ctx);
    Caller caller = session.caller();
    String id = ctx.pathParam("run");
    RunDetail.Query query = new RunDetail.Query(param(ctx, "type"), param(ctx, "q"),
        page(param(ctx, "page")));
    pages.respond(ctx, session, () -> services.runs().detail(caller, id)
        .compose(detail -> services.runs().events(caller, id)
            .compose(events -> services.runs().log(caller, id)
                .map(log -> RunDetail.build(pages.page(ctx, "Run " + detail.run().id(), session),
                    detail, events, log, query, services.runs().now())))),
        view -> pages.render(ctx, 200, "run.jte", view));
  }

  public void log(RoutingContext ctx) {
    PortalSession session = session(ctx);
    pages.respond(ctx, session, () -> services.runs().log(session.caller(), ctx.pathParam("run")),
        log -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
            .end(log));
  }

  public void events(RoutingContext ctx) {
    PortalSession session = session(ctx);
    pages.respond(ctx, session,
        () -> services.runs().events(session.caller(), ctx.pathParam("run")),
        events -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(RunViews.events(events).encode()));
  }

  private static String param(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    return value == null ? "" : value.trim();
  }

  private static int page(String text) {
    try {
      return text.isEmpty() ? 1 : Math.max(1, Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
