package dev.crabbox.protocol.capability;

/** A refused capability request; the message is one of spec 003's texts and is shown as is. */
public final class CapabilityException extends Exception {

  public CapabilityException(String message) {
    super(message);
  }
}
