package dev.crabbox.coordinator.egress;

import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.FrameDecodeException;
import dev.crabbox.protocol.frame.V2Codec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One peer speaks v1 JSON, the other v2 binary. Frames are translated both ways: v2 FIN and RST
 * become v1 {@code close}, v1 {@code close} becomes FIN. v1 has no credit, so the coordinator
 * plays the v1 side's flow control: it grants the v2 sender WINDOW credit as its writes to the
 * v1 socket complete, and holds v1 data the v2 receiver has no credit for in a bounded buffer
 * per stream (pausing the v1 socket while a buffer is over its bound).
 *
 * <p>State is touched from both sockets' event loops and from write completions, so every entry
 * point locks the link. Nothing inside blocks: writes only enqueue.
 */
final class TranslatingLink implements Link {

  private final Peer v1;
  private final Peer v2;
  private final Map<Integer, TranslatedStream> streams = new HashMap<>();
  private final LinkHolds holds = new LinkHolds();
  private boolean disposed;

  TranslatingLink(Peer v1, Peer v2) {
    this.v1 = v1;
    this.v2 = v2;
  }

  // v2 -> v1

  @Override
  public synchronized void onBinary(Peer from, Buffer message) {
    if (disposed) {
      return;
    }
    Frame frame;
    try {
      frame = V2Codec.decode(message.getBytes());
    } catch (FrameDecodeException e) {
      OptionalInt stream = V2Frames.stream(message);
      if (stream.isPresent()) {
        v2.malformedV2(stream.getAsInt(), e.getMessage());
        abort(streams.get(stream.getAsInt()), false);
      } else {
        v2.malformed(Optional.empty(), e.getMessage());
      }
      return;
    }
    fromV2(frame);
  }

  private void fromV2(Frame frame) {
    TranslatedStream stream = streams.get(frame.stream());
    if (frame instanceof Frame.Open) {
      streams.put(frame.stream(), new TranslatedStream(frame.stream()));
      toV1(frame);
      return;
    }
    if (stream == null) {
      return;
    }
    switch (frame.type()) {
      case OPEN_OK:
        if (!stream.v1Closed) {
          toV1(frame);
        }
        break;
      case DATA:
        dataFromV2(stream, (Frame.Data) frame);
        break;
      case FIN:
      case RST:
      case ERROR:
        if (!stream.v1Closed) {
          toV1(frame);
        }
        end(stream);
        break;
      case WINDOW:
        if (!stream.toV2.grant(((Frame.Window) frame).increment())) {
          v2.malformedV2(stream.id, "WINDOW overflows the send credit");
          abort(stream, true);
        } else {
          flush(stream);
        }
        break;
      default:
        break;
    }
  }

  private void dataFromV2(TranslatedStream stream, Frame.Data data) {
    int bytes = data.payload().length;
    if (stream.v1Closed) {
      // v1 has closed the stream: discard, but keep the v2 sender's credit flowing.
      if (bytes > 0) {
        v2.send(new Frame.Window(stream.id, bytes));
      }
      return;
    }
    if (!stream.fromV2.onReceived(bytes)) {
      v2.malformedV2(stream.id, "DATA beyond the granted window");
      abort(stream, true);
      return;
    }
    v1.encodeV1(data).ifPresent(text -> v1.writeText(text)
        .onComplete(written -> grantAfterWrite(stream, bytes)));
    Backpressure.afterWrite(holds, v2.gate(), v1.socket());
  }

  private synchronized void grantAfterWrite(TranslatedStream stream, int bytes) {
    if (disposed || streams.get(stream.id) != stream) {
      return;
    }
    int increment = stream.fromV2.onConsumed(bytes);
    if (increment > 0) {
      v2.send(new Frame.Window(stream.id, increment));
    }
  }

  private void toV1(Frame frame) {
    v1.encodeV1(frame).ifPresent(v1::writeText);
  }

  // v1 -> v2

  @Override
  public synchronized void onText(Peer from, String message) {
    if (disposed) {
      return;
    }
    Frame frame;
    try {
      frame = v1.decodeV1(message);
    } catch (FrameDecodeException e) {
      Optional<String> id = Peer.v1Id(message);
      v1.malformed(id, e.getMessage());
      id.ifPresent(name -> abortByV1Name(name));
      return;
    }
    fromV1(frame);
  }

  private void fromV1(Frame frame) {
    int id = frame.stream();
    if (frame instanceof Frame.Open) {
      streams.put(id, new TranslatedStream(id));
      v2.send(frame);
      return;
    }
    TranslatedStream stream = streams.get(id);
    if (stream == null || stream.v1Closed) {
      if (stream == null) {
        v1.forget(id);
      }
      return;
    }
    switch (frame.type()) {
      case OPEN_OK:
        v2.send(frame);
        break;
      case DATA:
        stream.enqueue(((Frame.Data) frame).payload());
        flush(stream);
        break;
      case FIN:
        stream.v1Closed = true;
        stream.finPending = true;
        v1.forget(id);
        flush(stream);
        break;
      case ERROR:
        v2.send(frame);
        end(stream);
        break;
      default:
        break;
    }
  }

  /** Sends what the v2 credit allows, then a pending FIN; pauses v1 while the buffer is over its bound. */
  private void flush(TranslatedStream stream) {
    byte[] chunk;
    while ((chunk = stream.nextChunk()) != null) {
      v2.send(new Frame.Data(stream.id, chunk));
    }
    if (stream.finPending && stream.drained()) {
      stream.finPending = false;
      v2.send(new Frame.Fin(stream.id));
    }
    if (stream.overBound()) {
      holds.hold(v1.gate(), stream);
    } else {
      holds.release(v1.gate(), stream);
    }
    Backpressure.afterWrite(holds, v1.gate(), v2.socket());
  }

  // Teardown

  private void end(TranslatedStream stream) {
    streams.remove(stream.id);
    holds.release(v1.gate(), stream);
    v1.forget(stream.id);
  }

  /** Ends a stream after a protocol error: RST to v2 (unless it came from there) and close to v1. */
  private void abort(TranslatedStream stream, boolean resetV2) {
    if (stream == null) {
      return;
    }
    if (resetV2) {
      v2.send(new Frame.Rst(stream.id, "protocol error"));
    }
    if (!stream.v1Closed) {
      toV1(new Frame.Fin(stream.id));
    }
    end(stream);
  }

  private void abortByV1Name(String name) {
    try {
      // Look the name up through the id table the same way a close message would.
      int id = v1.decodeV1("{\"type\":\"close\",\"id\":" + Json.encode(name) + "}").stream();
      TranslatedStream stream = streams.get(id);
      if (stream != null) {
        v2.send(new Frame.Rst(id, "protocol error"));
        end(stream);
      } else {
        v1.forget(id);
      }
    } catch (FrameDecodeException unreadable) {
      // The id itself is unusable; nothing to tear down.
    }
  }

  @Override
  public synchronized void dispose() {
    disposed = true;
    // The v1 peer may outlive this link (its partner was replaced): its ids of these streams go.
    streams.keySet().forEach(v1::forget);
    streams.clear();
    holds.liftAll();
  }
}
