package dev.crabbox.portal.page;

import static dev.crabbox.portal.session.SessionAuth.session;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.lease.ShareRequest;
import dev.crabbox.coordinator.lease.VisibleLease;
import dev.crabbox.coordinator.store.LeaseShares;
import dev.crabbox.coordinator.store.ShareAccess;
import dev.crabbox.portal.session.PortalSession;
import dev.crabbox.portal.view.ShareView;
import dev.crabbox.portal.web.Pages;
import dev.crabbox.portal.web.Paths;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET/POST /portal/leases/{id-or-slug}/share}. Anyone who sees the lease sees its sharing
 * (as {@code GET /v1/…/share}); changing it needs manage access, checked by the lease service.
 * Form field {@code action}: {@code add} (user, access use|manage), {@code remove} (user),
 * {@code org} (access none|use|manage) or {@code clear}.
 */
public final class SharePage {

  private final Pages pages;
  private final CoordinatorServices services;

  public SharePage(Pages pages, CoordinatorServices services) {
    this.pages = pages;
    this.services = services;
  }

  public void show(RoutingContext ctx) {
    PortalSession session = session(ctx);
    pages.respond(ctx, session,
        () -> services.leases().find(session.caller(), ctx.pathParam("lease")),
        visible -> render(ctx, session, visible, 200, ""));
  }

  public void change(RoutingContext ctx) {
    PortalSession session = session(ctx);
    String id = ctx.pathParam("lease");
    pages.respond(ctx, session, () -> services.leases().findManaged(session.caller(), id),
        visible -> {
          LeaseShares next;
          try {
            next = changed(visible.shares(), ctx);
          } catch (ApiException e) {
            // Bad input: the same page again, with the reason next to the form.
            render(ctx, session, visible, e.status(), e.getMessage());
            return;
          }
          pages.respond(ctx, session, () -> services.leases().replaceShares(session.caller(),
              visible.lease().id(), next), saved -> Pages.seeOther(ctx,
              Paths.share(visible.lease().slug())));
        });
  }

  private void render(RoutingContext ctx, PortalSession session, VisibleLease visible, int status,
      String message) {
    List<ShareView.Entry> users = new ArrayList<>();
    visible.shares().sortedUsers().forEach((user, access) -> users.add(
        new ShareView.Entry(user, access.wire())));
    String slug = visible.lease().slug();
    pages.render(ctx, status, "share.jte", new ShareView(pages.page(ctx, "Sharing " + slug,
        session), slug, Paths.lease(slug), Paths.share(slug), visible.lease().org(), users,
        visible.shares().org() == null ? "none" : visible.shares().org().wire(),
        visible.access().canManage(), message));
  }

  /** The shares after the form's change; bad input is a 400 with the API's own message. */
  static LeaseShares changed(LeaseShares current, RoutingContext ctx) {
    String action = field(ctx, "action");
    Map<String, ShareAccess> users = new LinkedHashMap<>(current.users());
    switch (action) {
      case "add": {
        String user = field(ctx, "user").trim();
        JsonObject body = new JsonObject().put("users", new JsonObject()
            .put(user, field(ctx, "access")));
        users.putAll(ShareRequest.parse(body).users());
        return new LeaseShares(users, current.org());
      }
      case "remove":
        users.remove(field(ctx, "user"));
        return new LeaseShares(users, current.org());
      case "org": {
        String access = field(ctx, "access");
        if ("none".equals(access)) {
          return new LeaseShares(users, null);
        }
        return new LeaseShares(users, ShareRequest.parse(new JsonObject().put("org", access)).org());
      }
      case "clear":
        return LeaseShares.NONE;
      default:
        throw ApiException.badRequest("unknown share action \"" + action
            + "\"; use add, remove, org or clear");
    }
  }

  private static String field(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value;
  }

}
