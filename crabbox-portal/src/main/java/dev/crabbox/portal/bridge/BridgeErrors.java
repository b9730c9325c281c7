package dev.crabbox.portal.bridge;

import dev.crabbox.coordinator.http.ApiException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refusals of the bridge routes as short HTML pages: the API's status and message, escaped; an
 * invisible lease looks exactly like an unknown one (the API's 404). Anything unexpected is a
 * plain 500 without details (they go to the log).
 */
final class BridgeErrors {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeErrors.class);

  private BridgeErrors() {}

  static void refuse(RoutingContext ctx, Throwable failure) {
    HttpServerResponse response = ctx.response();
    ctx.request().resume();
    if (response.headWritten() || response.ended()) {
      LOG.debug("bridge request failed after its answer started: {}", failure.toString());
      response.reset();
      return;
    }
    int status = 500;
    String message = "the bridge failed; see the coordinator log";
    if (failure instanceof ApiException api) {
      status = api.status();
      message = api.getMessage();
    } else {
      LOG.warn("bridge request {} failed", ctx.request().path(), failure);
    }
    response.setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Crabbox: "
            + status + "</title></head>\n<body><h1>" + status + "</h1><p>" + HtmlText.escape(message)
            + "</p></body></html>\n");
  }

  static ApiException originForbidden() {
    return new ApiException(403, "portal_request_origin_forbidden",
        "this request must come from the portal's own pages");
  }
}
