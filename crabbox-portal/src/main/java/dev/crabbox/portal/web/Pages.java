package dev.crabbox.portal.web;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.portal.security.SecurityHeaders;
import dev.crabbox.portal.session.PortalSession;
import dev.crabbox.portal.view.ErrorView;
import dev.crabbox.portal.view.Page;
import dev.crabbox.protocol.api.ApiFailure;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the precompiled JTE templates (HTML content type: every {@code ${…}} is escaped for
 * where it stands) and the portal's error pages. Portal handlers answer failures here themselves
 * instead of failing the routing context, so a portal error is a page, not the API's JSON.
 */
public final class Pages {

  private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** The page frame for this response. */
  public Page page(RoutingContext ctx, String title, PortalSession session) {
    return new Page(title, SecurityHeaders.nonce(ctx), session);
  }

  public void render(RoutingContext ctx, int status, String template, Object model) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    String html;
    try {
      StringOutput output = new StringOutput();
      engine.render(template, model, output);
      html = output.toString();
    } catch (RuntimeException e) {
      LOG.error("rendering {} for {} failed", template, ctx.request().path(), e);
      status = 500;
      html = "<!doctype html><title>Crabbox portal</title><p>The page could not be rendered.</p>";
    }
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end(html);
  }

  /** An error page for a failure: API failures keep their status and message, bugs are 500. */
  public void fail(RoutingContext ctx, PortalSession session, Throwable failure) {
    if (failure instanceof ApiFailure api) {
      error(ctx, session, api.status(), api.code(), api.getMessage());
      return;
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    error(ctx, session, 500, "internal_error", "Something went wrong on the coordinator. "
        + "The error is in its log.");
  }

  public void error(RoutingContext ctx, PortalSession session, int status, String code,
      String message) {
    render(ctx, status, "error.jte", new ErrorView(page(ctx, title(status), session), status,
        code, message));
  }

  /**
   * Runs a page's work: renders its result with {@code onSuccess}, or an error page. A synchronous
   * throw (bad input found while building the work) is an error page too.
   */
  public <T> void respond(RoutingContext ctx, PortalSession session, Supplier<Future<T>> work,
      Consumer<T> onSuccess) {
    Future<T> future;
    try {
      future = work.get();
    } catch (RuntimeException e) {
      fail(ctx, session, e);
      return;
    }
    future.onComplete(result -> {
      if (result.failed()) {
        fail(ctx, session, result.cause());
        return;
      }
      try {
        onSuccess.accept(result.result());
      } catch (RuntimeException e) {
        fail(ctx, session, e);
      }
    });
  }

  /** A 303 to {@code location} (after a form post, or to the login page). */
  public static void seeOther(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).end();
  }

  /** An error page for a refusal raised before any session is known. */
  public void refuse(RoutingContext ctx, ApiException refusal) {
    error(ctx, null, refusal.status(), refusal.code(), refusal.getMessage());
  }

  private static String title(int status) {
    switch (status) {
      case 400:
        return "Bad request";
      case 401:
        return "Not signed in";
      case 403:
        return "Forbidden";
      case 404:
        return "Not found";
      case 409:
        return "Conflict";
      default:
        return "Error";
    }
  }
}
