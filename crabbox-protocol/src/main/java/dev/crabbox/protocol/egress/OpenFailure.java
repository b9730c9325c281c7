package dev.crabbox.protocol.egress;

/**
 * Why the host could not open a stream. The ERROR frame carries only text (v1 has no codes), so
 * the message prefix is the wire contract: the host writes {@link #message(String)}, the lease
 * proxy recovers the kind with {@link #classify(String)} and answers the browser with
 * {@link #httpStatus()}.
 */
public enum OpenFailure {
  NOT_ALLOWLISTED(403, "Forbidden", "not allowlisted: "),
  BLOCKED_ADDRESS(403, "Forbidden", "blocked destination: "),
  BAD_REQUEST(400, "Bad Request", "bad request: "),
  OPEN_FAILED(502, "Bad Gateway", "open failed: "),
  OPEN_TIMEOUT(504, "Gateway Timeout", "open timeout: "),
  HOST_NOT_CONNECTED(503, "Service Unavailable", "host agent not connected");

  private final int httpStatus;
  private final String reasonPhrase;
  private final String prefix;

  OpenFailure(int httpStatus, String reasonPhrase, String prefix) {
    this.httpStatus = httpStatus;
    this.reasonPhrase = reasonPhrase;
    this.prefix = prefix;
  }

  /**
   * The ERROR frame text: the prefix plus the detail. HOST_NOT_CONNECTED has a fixed text and
   * ignores the detail.
   */
  public String message(String detail) {
    if (this == HOST_NOT_CONNECTED) {
      return prefix;
    }
    return prefix + (detail == null ? "" : detail);
  }

  /** The text for BLOCKED_ADDRESS: {@code <host> resolves to <addr> (<rule>)}. */
  public static String blockedDetail(String host, String address, String rule) {
    return host + " resolves to " + address + " (" + rule + ")";
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The reason phrase for the proxy's status line, e.g. "Bad Gateway". */
  public String reasonPhrase() {
    return reasonPhrase;
  }

  /** The kind of an ERROR frame text by its prefix; text we do not recognize is OPEN_FAILED. */
  public static OpenFailure classify(String message) {
    if (message != null) {
      for (OpenFailure failure : values()) {
        if (message.startsWith(failure.prefix)) {
          return failure;
        }
      }
    }
    return OPEN_FAILED;
  }
}
