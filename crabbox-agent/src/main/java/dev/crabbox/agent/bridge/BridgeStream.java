package dev.crabbox.agent.bridge;

import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.ReceiveWindow;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.util.Objects;

/**
 * One multiplexed stream on one bridge link: a {@link StreamSender} towards the peer, a
 * {@link StreamReceiver} towards the local socket, and the stream's life cycle. The stream leaves
 * its link's table when both directions sent FIN (v2), at the first {@code close} (v1, which has
 * no half-close), or on RST. Every method runs on the link's context; calls on a finished stream
 * are ignored, so socket callbacks that race with the peer never need to check first.
 */
public final class BridgeStream {

  private final BridgeLink link;
  private final int id;
  private final boolean halfClose;
  private final StreamSender sender;
  private final StreamReceiver receiver;
  private StreamEvents events = StreamEvents.IGNORE;
  private boolean finReceived;
  private boolean finished;

  BridgeStream(BridgeLink link, int id, boolean creditControlled) {
    this.link = link;
    this.id = id;
    this.halfClose = creditControlled;
    this.sender = new StreamSender(link, id, creditControlled, this::onFinSent);
    this.receiver = new StreamReceiver(link, creditControlled ? ReceiveWindow.growing() : null, this::grant);
  }

  public int id() {
    return id;
  }

  public BridgeLink link() {
    return link;
  }

  /** True once the stream left its link (both FINs, RST, ERROR or bridge loss). */
  public boolean isFinished() {
    return finished;
  }

  /** Routes the peer's events for this stream to {@code events}. */
  public void events(StreamEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Sends bytes to the peer within the stream's credit (excess waits; see {@link #writable()}). */
  public void send(Buffer bytes) {
    if (!finished) {
      sender.send(bytes);
    }
  }

  /** False while the source should stay paused (no credit, bytes waiting, or WebSocket full). */
  public boolean writable() {
    return finished || sender.writable();
  }

  /** Runs {@code callback} once the stream is writable again (or right away when it is). */
  public void whenWritable(Runnable callback) {
    if (writable()) {
      callback.run();
    } else {
      sender.whenWritable(callback);
    }
  }

  /** Our side is done sending: FIN after every waiting byte. */
  public void finish() {
    if (!finished) {
      sender.finish();
    }
  }

  /** Writes the peer's bytes to {@code sink}, starting with anything that already arrived. */
  public void receiveInto(WriteStream<Buffer> sink) {
    if (!finished) {
      receiver.attach(sink);
    }
  }

  /** Nobody reads the peer's bytes any more: drop them, but keep the peer's credit flowing. */
  public void discardInbound() {
    receiver.discard();
  }

  /** Aborts the stream in both directions and tells the peer. */
  public void reset(String reason) {
    if (!finished) {
      link.sendFrame(new Frame.Rst(id, reason));
      end();
    }
  }

  /** Host side: the destination was dialled. */
  public void sendOpenOk() {
    if (!finished) {
      link.sendFrame(new Frame.OpenOk(id));
    }
  }

  /** Host side: the open was refused or failed; the stream ends here. */
  public void sendOpenError(String message) {
    if (!finished) {
      link.sendFrame(new Frame.Error(id, message));
      end();
    }
  }

  void onFrame(Frame frame) {
    if (finished) {
      return;
    }
    switch (frame.type()) {
      case OPEN_OK -> events.onOpened();
      case ERROR -> {
        end();
        events.onOpenFailed(((Frame.Error) frame).message());
      }
      case DATA -> onData(Buffer.buffer(((Frame.Data) frame).payload()));
      case FIN -> onRemoteFin();
      case RST -> {
        end();
        events.onReset(peerReason(((Frame.Rst) frame).reason()));
      }
      case WINDOW -> {
        if (!sender.onWindow(((Frame.Window) frame).increment())) {
          abort("flow control: WINDOW overflows the send credit");
        }
      }
      case OPEN -> abort("protocol error: OPEN for a stream that is already open");
    }
  }

  /** The link is gone; only new streams use the next connection. */
  void onLinkLost() {
    if (!finished) {
      end();
      events.onReset("bridge connection lost");
    }
  }

  /** A DATA payload; v2 hands a slice of the WebSocket message here, without copying it. */
  void onData(Buffer payload) {
    if (finished) {
      return;
    }
    if (finReceived) {
      abort("protocol error: DATA after FIN");
    } else if (!receiver.onData(payload)) {
      abort("flow control: peer sent beyond its window");
    }
  }

  private void onRemoteFin() {
    finReceived = true;
    StreamEvents listener = events;
    if (!halfClose || sender.finSent()) {
      end();
    }
    listener.onRemoteFin();
  }

  private void onFinSent() {
    if (!halfClose || finReceived) {
      end();
    }
  }

  /** Resets the stream and tells both the peer and the local socket owner. */
  void abort(String reason) {
    StreamEvents listener = events;
    reset(reason);
    listener.onReset(reason);
  }

  private void grant(int increment) {
    if (!finished) {
      link.sendFrame(new Frame.Window(id, increment));
    }
  }

  private void end() {
    finished = true;
    sender.abandon();
    receiver.close();
    link.forget(id);
  }

  private static String peerReason(String reason) {
    return reason.isEmpty() ? "reset by peer" : "reset by peer: " + reason;
  }
}
