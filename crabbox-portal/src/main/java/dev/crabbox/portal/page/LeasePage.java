package dev.crabbox.portal.page;

import static dev.crabbox.portal.session.SessionAuth.session;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.portal.session.PortalSession;
import dev.crabbox.portal.web.Pages;
import dev.crabbox.portal.web.Paths;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code GET /portal/leases/{id-or-slug}} and {@code POST …/release}. Visibility and the right to
 * stop come from the lease service, as for {@code /v1}: an invisible lease is the same 404 as an
 * unknown one, a use share cannot stop it (403).
 */
public final class LeasePage {

  private static final Set<String> RUN_STATES = Set.of("all", "running", "succeeded", "failed");

  private final Pages pages;
  private final CoordinatorServices services;

  public LeasePage(Pages pages, CoordinatorServices services) {
    this.pages = pages;
    this.services = services;
  }

  public void show(RoutingContext ctx) {
    PortalSession session = session(ctx);
    Caller caller = session.caller();
    String id = ctx.pathParam("lease");
    String runs = ctx.queryParams().get("runs");
    String runState = runs != null && RUN_STATES.contains(runs) ? runs : "all";
    pages.respond(ctx, session, () -> services.leases().find(caller, id).compose(visible -> {
      String leaseId = visible.lease().id();
      return services.egress().status(caller, leaseId).compose(egress -> services.store()
          .leaseTelemetry(leaseId).compose(samples -> services.runs().listForLease(caller, leaseId)
              .map(list -> LeaseDetail.build(pages.page(ctx, visible.lease().slug(), session),
                  visible, egress, samples, list, runState, services.leases().now()))));
    }), view -> pages.render(ctx, 200, "lease.jte", view));
  }

  public void release(RoutingContext ctx) {
    PortalSession session = session(ctx);
    pages.respond(ctx, session,
        () -> services.leases().release(session.caller(), ctx.pathParam("lease")),
        lease -> Pages.seeOther(ctx, Paths.lease(lease.slug())));
  }
}
