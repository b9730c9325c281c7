package dev.crabbox.coordinator.egress;

import io.vertx.core.streams.WriteStream;

/**
 * The one backpressure rule of the bridge, used at every hop: after writing to {@code sink} on
 * behalf of {@code source}, hold the source while the sink's write queue is full and release it
 * when the sink drains (as Vert.x's PipeImpl does, safe across event loops). The hold belongs to
 * the link that wrote, so that disposing the link lifts it even if the sink never drains.
 */
final class Backpressure {

  private Backpressure() {}

  static void afterWrite(LinkHolds holds, ReadGate source, WriteStream<?> sink) {
    try {
      if (sink.writeQueueFull()) {
        holds.hold(source, sink);
        sink.drainHandler(drained -> holds.release(source, sink));
        // The queue may have drained before the handler was in place: re-check.
        if (!sink.writeQueueFull()) {
          holds.release(source, sink);
        }
      }
    } catch (IllegalStateException closed) {
      // The sink closed meanwhile; its close handler tears the pair down.
      holds.release(source, sink);
    }
  }
}
