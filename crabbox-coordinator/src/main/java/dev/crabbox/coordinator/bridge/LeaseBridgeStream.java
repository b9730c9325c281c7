package dev.crabbox.coordinator.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/**
 * A duplex byte stream to a lease's loopback VNC or code-server port, through the lease's bridge
 * agent: on this node, or relayed from the node the agent is connected to. Writes respect
 * {@link #writeQueueFull()} (a {@code pipeTo} pauses its source while it is full); a paused
 * stream stops the lease side; {@link #end()} half-closes and the end handler runs when the
 * lease side half-closes; the exception handler runs when the stream is reset or its agent goes
 * away. Use it on the context it was opened on.
 */
public interface LeaseBridgeStream extends ReadStream<Buffer>, WriteStream<Buffer> {

  /** Aborts both directions; the lease-side socket is closed. */
  void reset(String reason);

  @Override
  LeaseBridgeStream exceptionHandler(Handler<Throwable> handler);

  @Override
  LeaseBridgeStream handler(Handler<Buffer> handler);

  @Override
  LeaseBridgeStream pause();

  @Override
  LeaseBridgeStream resume();

  @Override
  LeaseBridgeStream fetch(long amount);

  @Override
  LeaseBridgeStream endHandler(Handler<Void> endHandler);

  @Override
  LeaseBridgeStream setWriteQueueMaxSize(int maxSize);

  @Override
  LeaseBridgeStream drainHandler(Handler<Void> handler);
}
