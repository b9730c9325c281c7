package dev.crabbox.coordinator.support;

import dev.crabbox.protocol.frame.Frame;

/** The host and the client of one lease's egress session, as connected by a test. */
public record Bridge(TestPeer host, TestPeer client) {

  /** The client opens {@code stream}; the host must see the OPEN, whatever its wire version. */
  public void open(int stream, String target, int port) {
    client.send(new Frame.Open(stream, target, port));
    host.expect(new Frame.Open(stream, target, port));
  }

  /** Waits for the coordinator to close both sockets, each with this code and reason. */
  public void expectClose(int code, String reason) {
    host.expectClose(code, reason);
    client.expectClose(code, reason);
  }
}
