package dev.crabbox.agent.api;

import dev.crabbox.protocol.api.ApiFailure;

/**
 * A non-2xx answer from the coordinator API, carrying its JSON error body
 * {@code {"error":code,"message":text}}.
 */
public final class CoordinatorApiException extends ApiFailure {

  public CoordinatorApiException(int status, String code, String message) {
    super(status, code, message);
  }

  @Override
  public String toString() {
    return "CoordinatorApiException[" + status() + " " + code() + ": " + getMessage() + "]";
  }
}
