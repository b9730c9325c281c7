package dev.crabbox.agent.api;

/**
 * A non-2xx answer from the coordinator API, carrying its JSON error body
 * {@code {"error":code,"message":text}}.
 */
public final class CoordinatorApiException extends RuntimeException {

  private final int status;
  private final String code;

  public CoordinatorApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The machine-readable error code, such as {@code lease_not_found}. */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return "CoordinatorApiException[" + status + " " + code + ": " + getMessage() + "]";
  }
}
