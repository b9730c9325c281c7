package dev.crabbox.agent.proxy;

/** The bridge could not open a stream; the message is the host's ERROR text (OpenFailure prefix). */
final class OpenRefusedException extends Exception {
  OpenRefusedException(String message) {
    super(message, null, false, false);
  }
}
