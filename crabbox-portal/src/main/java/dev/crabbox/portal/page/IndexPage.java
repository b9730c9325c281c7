package dev.crabbox.portal.page;

import static dev.crabbox.portal.session.SessionAuth.session;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.store.RunnerRecord;
import dev.crabbox.portal.session.PortalSession;
import dev.crabbox.portal.web.Pages;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /portal}: the leases the session may see (the same list {@code GET /v1/leases}
 * gives its token) and, for admin sessions only, external runners.
 */
public final class IndexPage {

  private final Pages pages;
  private final CoordinatorServices services;

  public IndexPage(Pages pages, CoordinatorServices services) {
    this.pages = pages;
    this.services = services;
  }

  public void handle(RoutingContext ctx) {
    PortalSession session = session(ctx);
    Caller caller = session.caller();
    IndexQuery query = IndexQuery.parse(ctx.queryParams());
    pages.respond(ctx, session, () -> services.leases().list(caller).compose(leases -> {
      Future<List<RunnerRecord>> runners = caller.admin()
          ? services.runners().list(caller, null)
          : Future.succeededFuture(List.of());
      return runners.map(list -> LeaseIndex.build(pages.page(ctx, "Leases", session), caller,
          leases, list, query, services.leases().now()));
    }), view -> pages.render(ctx, 200, "index.jte", view));
  }
}
