package dev.crabbox.coordinator.egress;

/**
 * What the egress bridge counts for metrics. Called from event loops: implementations must be
 * thread-safe and cheap (Micrometer counters are).
 */
public interface EgressMeter {

  /** A ticket was minted. */
  void ticketIssued();

  /** A ticket was consumed by a bridge upgrade. */
  void ticketConsumed();

  /** A session actor started on this node. */
  void sessionStarted();

  /** A bridge message of {@code bytes} arrived to be relayed; {@code opensStream} for an OPEN. */
  void relayed(int bytes, boolean opensStream);

  /** Counts nothing. */
  EgressMeter NONE = new EgressMeter() {
    @Override
    public void ticketIssued() {
    }

    @Override
    public void ticketConsumed() {
    }

    @Override
    public void sessionStarted() {
    }

    @Override
    public void relayed(int bytes, boolean opensStream) {
    }
  };
}
