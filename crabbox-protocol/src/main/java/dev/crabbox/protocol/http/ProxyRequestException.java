package dev.crabbox.protocol.http;

/**
 * A browser request the lease proxy refuses before opening a stream. {@link #status()} is the
 * HTTP status to answer with and the message is one printable line for the response body.
 */
public final class ProxyRequestException extends Exception {

  private final int status;

  public ProxyRequestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
