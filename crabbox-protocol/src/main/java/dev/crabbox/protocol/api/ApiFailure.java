package dev.crabbox.protocol.api;

/**
 * An API failure as the wire carries it: an HTTP status plus the {@code {"error","message"}} body.
 * The coordinator raises it ({@code ApiException}), API clients receive it
 * ({@code CoordinatorApiException}); both share this one shape. No stack trace: these are
 * expected outcomes, not bugs.
 */
public abstract class ApiFailure extends RuntimeException {

  private final int status;
  private final String code;

  protected ApiFailure(int status, String code, String message) {
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

  /** The JSON error body. */
  public ApiError toError() {
    return new ApiError(code, getMessage());
  }
}
