package dev.crabbox.coordinator.egress;

import io.vertx.core.streams.WriteStream;

/**
 * The one backpressure rule of the bridge, used at every hop: after writing to {@code sink} on
 * behalf of {@code source}, hold the source while the sink's write queue is full and release it
 * when the sink drains (as Vert.x's PipeImpl does, safe across event loops).
 */
final class Backpressure {

  private Backpressure() {}

  static void afterWrite(ReadGate source, WriteStream<?> sink) {
    try {
      if (sink.writeQueueFull()) {
        source.hold(sink);
        sink.drainHandler(drained -> source.release(sink));
        // The queue may have drained before the handler was in place: re-check.
        if (!sink.writeQueueFull()) {
          source.release(sink);
        }
      }
    } catch (IllegalStateException closed) {
      // The sink closed meanwhile; its close handler tears the pair down.
      source.release(sink);
    }
  }
}
