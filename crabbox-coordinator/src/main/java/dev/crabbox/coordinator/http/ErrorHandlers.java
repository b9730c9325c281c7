package dev.crabbox.coordinator.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every failure the router produces a JSON {@code {"error","message"}} body: handler
 * failures ({@link ApiException} or bugs), and the router's own 404/405. Logs the path only,
 * never the query string (it may carry a ticket).
 */
public final class ErrorHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

  private ErrorHandlers() {}

  /** Installs the failure and error handlers on {@code router}. */
  public static void install(Router router) {
    router.route().failureHandler(ErrorHandlers::onFailure);
    router.errorHandler(404, ctx -> JsonResponses.error(ctx.response(), new ApiException(404,
        "not_found", "no such route: " + describe(ctx.request()))));
    router.errorHandler(405, ctx -> JsonResponses.error(ctx.response(), new ApiException(405,
        "method_not_allowed", "method not allowed: " + describe(ctx.request()))));
    router.errorHandler(500, ErrorHandlers::onFailure);
  }

  /** A failure handler for one route (the router-wide one is installed by {@link #install}). */
  public static Handler<RoutingContext> failureHandler() {
    return ErrorHandlers::onFailure;
  }

  private static void onFailure(RoutingContext ctx) {
    JsonResponses.error(ctx.response(), toApiException(ctx));
  }

  private static ApiException toApiException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return api;
    }
    int status = ctx.statusCode();
    if (failure == null && status >= 400 && status < 500) {
      return new ApiException(status, codeFor(status), "request failed: " + describe(ctx.request()));
    }
    LOG.error("{} failed", describe(ctx.request()), failure);
    return new ApiException(500, "internal_error", "internal error");
  }

  private static String codeFor(int status) {
    switch (status) {
      case 400:
        return "bad_request";
      case 401:
        return "unauthorized";
      case 403:
        return "forbidden";
      case 404:
        return "not_found";
      case 405:
        return "method_not_allowed";
      case 413:
        return "payload_too_large";
      case 415:
        return "unsupported_media_type";
      default:
        return "request_failed";
    }
  }

  /** {@code METHOD /path} without the query string. */
  public static String describe(HttpServerRequest request) {
    return request.method() + " " + request.path();
  }
}
