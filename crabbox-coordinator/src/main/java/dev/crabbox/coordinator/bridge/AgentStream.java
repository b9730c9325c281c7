package dev.crabbox.coordinator.bridge;

import dev.crabbox.protocol.frame.Frame;
import dev.crabbox.protocol.frame.ReceiveWindow;
import dev.crabbox.protocol.frame.SendWindow;
import dev.crabbox.protocol.frame.WireLimits;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * One stream to a lease's loopback port through its bridge agent connected to this node.
 * Writes go out as v2 DATA frames within the stream's send credit; what exceeds it waits here and {@link #writeQueueFull()} turns true, so a {@code pipeTo} pauses its source until the
 * agent grants more. Bytes from the lease are handed to the handler while the stream is not
 * paused; a paused stream grants no credit, so the agent stops at zero credit instead of queueing
 * here without bound. {@link #end()} half-closes (FIN); the end handler runs at the agent's FIN;
 * the exception handler at a reset (RST, agent gone). Use it on the context it was opened on.
 */
final class AgentStream implements LeaseBridgeStream {

  /** Bytes accepted beyond the send credit before writes report a full queue. */
  static final int WRITE_QUEUE_BYTES = WireLimits.MAX_DATA_PAYLOAD;

  private final AgentSocket agent;
  private final int id;
  private final SendWindow sendWindow = new SendWindow();
  private final ReceiveWindow receiveWindow = ReceiveWindow.growing();
  private final ArrayDeque<Buffer> outbound = new ArrayDeque<>();
  private final ArrayDeque<Buffer> inbound = new ArrayDeque<>();
  private final Promise<AgentStream> opened = Promise.promise();
  private long outboundBytes;
  private long demand = Long.MAX_VALUE;
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;
  private Handler<Void> drainHandler;
  private boolean drainWanted;
  private boolean finReceived;
  private boolean endDelivered;
  private boolean endRequested;
  private boolean finSent;
  private boolean reset;

  AgentStream(AgentSocket agent, int id) {
    this.agent = agent;
    this.id = id;
  }

  int id() {
    return id;
  }

  /** Completes at the agent's OPEN_OK; fails with its ERROR (nothing listens on the lease port). */
  Future<AgentStream> opened() {
    return opened.future();
  }

  // ---- WriteStream ----

  @Override
  public AgentStream exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public Future<Void> write(Buffer data) {
    if (reset) {
      return Future.failedFuture(new LeaseBridgeException("the bridge stream was reset"));
    }
    if (endRequested) {
      return Future.failedFuture(new IllegalStateException("the bridge stream was ended"));
    }
    if (data.length() > 0) {
      outbound.add(data);
      outboundBytes += data.length();
      flush();
    }
    return Future.succeededFuture();
  }

  /** Half-closes: FIN once every waiting byte is out. Reading goes on until the agent's FIN. */
  @Override
  public Future<Void> end() {
    if (!reset && !endRequested) {
      endRequested = true;
      flush();
    }
    return Future.succeededFuture();
  }

  @Override
  public AgentStream setWriteQueueMaxSize(int maxSize) {
    return this; // bounded by the stream's credit, which the agent controls
  }

  @Override
  public boolean writeQueueFull() {
    boolean full = !reset && (outboundBytes >= WRITE_QUEUE_BYTES || agent.writeQueueFull());
    if (full) {
      drainWanted = true;
    }
    return full;
  }

  @Override
  public AgentStream drainHandler(Handler<Void> handler) {
    this.drainHandler = handler;
    return this;
  }

  // ---- ReadStream ----

  @Override
  public AgentStream handler(Handler<Buffer> handler) {
    this.handler = handler;
    deliver();
    return this;
  }

  @Override
  public AgentStream pause() {
    demand = 0;
    return this;
  }

  @Override
  public AgentStream resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public AgentStream fetch(long amount) {
    demand = amount == Long.MAX_VALUE || demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    deliver();
    return this;
  }

  @Override
  public AgentStream endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    deliver();
    return this;
  }

  /** Aborts both directions and tells the agent (RST), which closes its lease-side socket. */
  @Override
  public void reset(String reason) {
    if (!reset) {
      agent.send(new Frame.Rst(id, reason));
      finish();
    }
  }

  // ---- frames from the agent (on the agent socket's context) ----

  void onFrame(Frame frame) {
    switch (frame.type()) {
      case OPEN_OK -> opened.tryComplete(this);
      case ERROR -> {
        finish();
        opened.tryFail(new LeaseBridgeException(((Frame.Error) frame).message()));
      }
      case DATA -> onData(Buffer.buffer(((Frame.Data) frame).payload()));
      case FIN -> {
        finReceived = true;
        deliver();
      }
      case WINDOW -> {
        if (!sendWindow.grant(((Frame.Window) frame).increment())) {
          abort("flow control: WINDOW overflows the send credit");
        } else {
          flush();
        }
      }
      case RST -> onLost("reset by the lease bridge agent" + reasonSuffix(((Frame.Rst) frame).reason()));
      case OPEN -> abort("protocol error: the coordinator opens lease bridge streams");
    }
  }

  void onData(Buffer payload) {
    if (reset) {
      return;
    }
    if (finReceived) {
      abort("protocol error: DATA after FIN");
    } else if (!receiveWindow.onReceived(payload.length())) {
      abort("flow control: the agent sent beyond its window");
    } else {
      inbound.add(payload);
      deliver();
    }
  }

  /** The agent's socket is writable again, or credit arrived: send what waits. */
  void onWritable() {
    flush();
  }

  /** The agent connection is gone (or the stream was reset): nothing more flows. */
  void onLost(String reason) {
    if (reset) {
      return;
    }
    finish();
    LeaseBridgeException failure = new LeaseBridgeException(reason);
    if (!opened.tryFail(failure) && exceptionHandler != null) {
      exceptionHandler.handle(failure);
    }
  }

  // ---- internals ----

  private void abort(String reason) {
    reset(reason);
    LeaseBridgeException failure = new LeaseBridgeException(reason);
    if (!opened.tryFail(failure) && exceptionHandler != null) {
      exceptionHandler.handle(failure);
    }
  }

  private void finish() {
    reset = true;
    outbound.clear();
    outboundBytes = 0;
    inbound.clear();
    agent.forget(id);
  }

  private void flush() {
    while (!reset && !outbound.isEmpty() && !agent.writeQueueFull()) {
      Buffer head = outbound.peek();
      int granted = sendWindow.take(Math.min(head.length(), WireLimits.MAX_DATA_PAYLOAD));
      if (granted == 0) {
        break;
      }
      outbound.poll();
      if (granted < head.length()) {
        outbound.addFirst(head.slice(granted, head.length()));
      }
      outboundBytes -= granted;
      agent.sendData(id, head.slice(0, granted));
    }
    if (reset) {
      return;
    }
    if (endRequested && !finSent && outbound.isEmpty()) {
      finSent = true;
      agent.send(new Frame.Fin(id));
      forgetWhenDone();
    }
    if (drainWanted && !writeQueueFull()) {
      drainWanted = false;
      Handler<Void> drain = drainHandler;
      if (drain != null) {
        drain.handle(null);
      }
    }
  }

  private void deliver() {
    while (!reset && demand > 0 && handler != null && !inbound.isEmpty()) {
      Buffer next = inbound.poll();
      if (demand != Long.MAX_VALUE) {
        demand--;
      }
      handler.handle(next);
      int increment = receiveWindow.onConsumed(next.length(), inbound.isEmpty() && demand > 0);
      if (increment > 0 && !reset) {
        agent.send(new Frame.Window(id, increment));
      }
    }
    if (!reset && finReceived && inbound.isEmpty() && !endDelivered && endHandler != null) {
      endDelivered = true;
      forgetWhenDone();
      endHandler.handle(null);
    }
  }

  /** Both directions are finished: the stream leaves the agent's table. */
  private void forgetWhenDone() {
    if (finSent && endDelivered) {
      agent.forget(id);
    }
  }

  private static String reasonSuffix(String reason) {
    return reason == null || reason.isEmpty() ? "" : ": " + reason;
  }
}
