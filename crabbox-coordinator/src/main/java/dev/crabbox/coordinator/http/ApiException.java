package dev.crabbox.coordinator.http;

import dev.crabbox.protocol.api.ApiFailure;

/**
 * A user-facing API failure raised by the coordinator. Thrown or returned as a failed future
 * anywhere in a request; the router's failure handler renders it.
 */
public final class ApiException extends ApiFailure {

  public ApiException(int status, String code, String message) {
    super(status, code, message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "a valid bearer token is required");
  }

  public static ApiException ticketRequired(String message) {
    return new ApiException(401, "egress_ticket_required", message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  /** Unknown and invisible leases answer the same, so callers cannot probe for lease ids. */
  public static ApiException leaseNotFound(String idOrSlug) {
    return new ApiException(404, "lease_not_found", "lease not found: " + idOrSlug);
  }

  /** Unknown runs and runs on leases the caller cannot see answer the same. */
  public static ApiException runNotFound(String runId) {
    return new ApiException(404, "run_not_found", "run not found: " + runId);
  }

  /** Unknown runners and runners the caller may not see answer the same. */
  public static ApiException runnerNotFound(String provider, String runnerId) {
    return new ApiException(404, "runner_not_found", "runner not found: " + provider + "/"
        + runnerId);
  }

  public static ApiException runFinished(String runId) {
    return new ApiException(409, "run_finished", "run " + runId + " has finished");
  }

  public static ApiException egressUnavailable(String message) {
    return new ApiException(409, "egress_unavailable", message);
  }

  public static ApiException leaseNotActive(String message) {
    return new ApiException(409, "lease_not_active", message);
  }

  public static ApiException sessionEnded(String message) {
    return new ApiException(410, "egress_session_ended", message);
  }

  public static ApiException upgradeRequired() {
    return new ApiException(426, "upgrade_required", "this route needs a WebSocket upgrade");
  }
}
