package dev.crabbox.coordinator.provider;

/**
 * A provider could not do what was asked. The message is shown to the operator as the lease's
 * failure reason (or as a 400 for {@link LeaseProvider#validate}), so it says what went wrong in
 * plain words, names the provider, and never contains a credential.
 */
public final class ProviderException extends RuntimeException {

  private final boolean retryable;

  public ProviderException(String message) {
    this(message, false, null);
  }

  public ProviderException(String message, Throwable cause) {
    this(message, false, cause);
  }

  /**
   * @param retryable whether repeating the same call later may succeed (rate limit, timeout,
   *     5xx); release is retried by the sweeper either way
   */
  public ProviderException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
