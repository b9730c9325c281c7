package dev.crabbox.protocol.allow;

/** A user-facing allowlist error (unknown profile, malformed entry); the message is shown as is. */
public final class AllowlistException extends Exception {

  public AllowlistException(String message) {
    super(message);
  }
}
