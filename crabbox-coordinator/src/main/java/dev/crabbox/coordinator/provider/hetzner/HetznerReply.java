package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.ProviderException;
import io.vertx.core.json.JsonObject;

/**
 * One answer of the Cloud API: the HTTP status and the JSON body. Failed answers carry
 * {@code {"error":{"code":"…","message":"…"}}}, which becomes a {@link ProviderException}
 * reading {@code hetzner: <message> (<code>)}.
 *
 * @param request what was asked, for messages ({@code POST /servers})
 * @param status the HTTP status
 * @param body the JSON body, empty when there was none or it was not JSON
 */
record HetznerReply(String request, int status, JsonObject body) {

  boolean succeeded() {
    return status >= 200 && status < 300;
  }

  /** The error code of a failed answer ({@code not_found}, {@code uniqueness_error}), or "". */
  String errorCode() {
    JsonObject error = body.getJsonObject("error");
    String code = error == null ? null : error.getString("code");
    return code == null ? "" : code;
  }

  /** The body of a successful answer; a failed one throws its {@link #failure()}. */
  JsonObject bodyOrThrow() {
    if (!succeeded()) {
      throw failure();
    }
    return body;
  }

  /**
   * The failure as the operator reads it. Rate limits, server errors, {@code conflict} (the
   * API's own "please retry") and {@code locked} (another action still runs on the resource) are
   * retryable; everything else (quota, bad input, auth) is not.
   */
  ProviderException failure() {
    String code = errorCode();
    JsonObject error = body.getJsonObject("error");
    String message = error == null ? null : error.getString("message");
    boolean retryable = status == 429 || status >= 500
        || "rate_limit_exceeded".equals(code) || "conflict".equals(code) || "locked".equals(code)
        || "service_error".equals(code) || "unavailable".equals(code);
    if (message == null || message.isBlank()) {
      return new ProviderException("hetzner: the API answered HTTP " + status + " to " + request
          + (code.isEmpty() ? "" : " (" + code + ")"), retryable, null);
    }
    return new ProviderException("hetzner: " + message + (code.isEmpty() ? "" : " (" + code + ")"),
        retryable, null);
  }
}
