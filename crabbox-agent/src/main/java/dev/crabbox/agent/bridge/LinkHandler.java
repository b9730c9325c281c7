package dev.crabbox.agent.bridge;

import dev.crabbox.protocol.frame.Frame;

/** The role-specific part of a bridge link: what to do when the peer asks to open a stream. */
@FunctionalInterface
public interface LinkHandler {

  /**
   * The peer sent OPEN for a stream id that is not in use. The host dials; the lease proxy, which
   * opens streams itself, refuses.
   */
  void onOpen(BridgeLink link, Frame.Open open);

  /** For the client role: an OPEN from the peer is a protocol error, answered with RST. */
  LinkHandler REFUSE_OPEN = (link, open) ->
      link.sendFrame(new Frame.Rst(open.stream(), "protocol error: the lease client does not accept OPEN"));
}
