package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.store.BridgeRole;
import dev.crabbox.protocol.egress.OpenFailure;
import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.FrameType;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Messages from a peer whose partner is not connected. A client's OPEN is answered by the
 * coordinator itself with {@code Error(stream, "host agent not connected")}; anything else
 * belongs to streams that no longer exist and is dropped.
 */
final class Unpaired {

  static final String HOST_NOT_CONNECTED = OpenFailure.HOST_NOT_CONNECTED.message(null);

  private Unpaired() {}

  static void onBinary(Peer from, Buffer message) {
    FrameType type;
    try {
      type = V2Frames.check(message);
    } catch (FrameDecodeException e) {
      OptionalInt stream = V2Frames.stream(message);
      if (stream.isPresent()) {
        from.malformedV2(stream.getAsInt(), e.getMessage());
      } else {
        from.malformed(Optional.empty(), e.getMessage());
      }
      return;
    }
    if (from.role() == BridgeRole.CLIENT && type == FrameType.OPEN) {
      from.send(new Frame.Error(message.getInt(1), HOST_NOT_CONNECTED));
    }
  }

  static void onText(Peer from, String message) {
    Frame frame;
    try {
      frame = from.decodeV1(message);
    } catch (FrameDecodeException e) {
      from.malformed(Peer.v1Id(message), e.getMessage());
      return;
    }
    if (from.role() == BridgeRole.CLIENT && frame instanceof Frame.Open) {
      from.send(new Frame.Error(frame.stream(), HOST_NOT_CONNECTED));
    }
    from.forget(frame.stream());
  }
}
