package dev.crabbox.agent.bridge;

/**
 * What the peer did to a stream, delivered to whoever owns the stream's socket. Called on the
 * bridge's context; implementations must not block.
 */
public interface StreamEvents {

  /** The host dialled the destination (client side only). */
  default void onOpened() {}

  /** The host refused or failed to open the stream (client side only); the stream is gone. */
  default void onOpenFailed(String message) {}

  /** The peer will send no more data; what it sent was delivered to the sink first. */
  default void onRemoteFin() {}

  /** The stream was aborted (peer RST, protocol violation or bridge loss); the stream is gone. */
  default void onReset(String reason) {}

  /** Events nobody listens to (a stream whose socket went away). */
  StreamEvents IGNORE = new StreamEvents() {};
}
