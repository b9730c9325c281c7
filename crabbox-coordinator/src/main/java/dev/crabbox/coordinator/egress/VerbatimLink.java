package dev.crabbox.coordinator.egress;

import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Both peers speak the same version: every valid message goes to the other socket unchanged
 * (v2 binary, or v1 JSON text). Flow control is end to end between the agents; the coordinator
 * only applies socket backpressure. A malformed message is answered for its stream on both
 * sides and dropped; the session carries on.
 */
final class VerbatimLink implements Link {

  private final Peer host;
  private final Peer client;
  private final LinkHolds holds = new LinkHolds();
  private volatile boolean disposed;

  VerbatimLink(Peer host, Peer client) {
    this.host = host;
    this.client = client;
  }

  private Peer other(Peer from) {
    return from == host ? client : host;
  }

  @Override
  public void onBinary(Peer from, Buffer message) {
    if (disposed) {
      return;
    }
    Peer to = other(from);
    try {
      V2Frames.check(message);
    } catch (FrameDecodeException e) {
      OptionalInt stream = V2Frames.stream(message);
      if (stream.isPresent()) {
        from.malformedV2(stream.getAsInt(), e.getMessage());
        to.send(new Frame.Rst(stream.getAsInt(), "protocol error: " + e.getMessage()));
      } else {
        from.malformed(Optional.empty(), e.getMessage());
      }
      return;
    }
    to.writeBinary(message);
    Backpressure.afterWrite(holds, from.gate(), to.socket());
  }

  @Override
  public void onText(Peer from, String message) {
    if (disposed) {
      return;
    }
    Peer to = other(from);
    try {
      // Decoding validates; the relayed text keeps the sender's own ids, so drop the mapping.
      from.forget(from.decodeV1(message).stream());
    } catch (FrameDecodeException e) {
      var id = Peer.v1Id(message);
      from.malformed(id, e.getMessage());
      id.ifPresent(name -> to.writeText("{\"type\":\"close\",\"id\":"
          + Json.encode(name) + "}"));
      return;
    }
    to.writeText(message);
    Backpressure.afterWrite(holds, from.gate(), to.socket());
  }

  @Override
  public void dispose() {
    disposed = true;
    // A relay already past the check above may still write and ask for a hold: LinkHolds refuses it.
    holds.liftAll();
  }
}
