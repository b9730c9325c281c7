package dev.crabbox.protocol.net;

/** A refused {@code --listen} value; the message names the rule and is shown as is. */
public final class ListenAddressException extends Exception {

  public ListenAddressException(String message) {
    super(message);
  }
}
