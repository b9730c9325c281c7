package dev.crabbox.coordinator.store;

/** An insert collided with an existing primary or unique key (e.g. a lease slug taken meanwhile). */
public final class DuplicateKeyException extends RuntimeException {

  public DuplicateKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
