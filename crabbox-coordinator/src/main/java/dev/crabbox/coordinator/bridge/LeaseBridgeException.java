package dev.crabbox.coordinator.bridge;

/** A lease bridge stream failed: the agent refused it, reset it, or its connection went away. */
public final class LeaseBridgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LeaseBridgeException(String message) {
    super(message, null, false, false);
  }
}
