package dev.crabbox.coordinator.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import org.junit.jupiter.api.Test;

/** The one backpressure rule, with hand-driven streams. */
class BackpressureTest {

  /** Records pause/resume calls. */
  static final class Source implements ReadStream<String> {
    boolean paused;
    int pauses;

    @Override
    public ReadStream<String> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public ReadStream<String> handler(Handler<String> handler) {
      return this;
    }

    @Override
    public ReadStream<String> pause() {
      paused = true;
      pauses++;
      return this;
    }

    @Override
    public ReadStream<String> resume() {
      paused = false;
      return this;
    }

    @Override
    public ReadStream<String> fetch(long amount) {
      paused = false;
      return this;
    }

    @Override
    public ReadStream<String> endHandler(Handler<Void> endHandler) {
      return this;
    }
  }

  /** A sink whose fullness the test sets; drain fires when the test says so. */
  static final class Sink implements WriteStream<String> {
    boolean full;
    Handler<Void> drain;

    void drained() {
      full = false;
      if (drain != null) {
        drain.handle(null);
      }
    }

    @Override
    public WriteStream<String> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public Future<Void> write(String data) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> end() {
      return Future.succeededFuture();
    }

    @Override
    public WriteStream<String> setWriteQueueMaxSize(int maxSize) {
      return this;
    }

    @Override
    public boolean writeQueueFull() {
      return full;
    }

    @Override
    public WriteStream<String> drainHandler(Handler<Void> handler) {
      drain = handler;
      return this;
    }
  }

  @Test
  void holdsTheSourceWhileTheSinkIsFull() {
    Source source = new Source();
    Sink sink = new Sink();
    ReadGate gate = new ReadGate(source);

    Backpressure.afterWrite(gate, sink);
    assertFalse(source.paused, "room in the sink: keep reading");

    sink.full = true;
    Backpressure.afterWrite(gate, sink);
    assertTrue(source.paused);
    sink.drained();
    assertFalse(source.paused, "drain resumes the source");
  }

  @Test
  void independentHoldsMustAllBeReleased() {
    Source source = new Source();
    ReadGate gate = new ReadGate(source);
    Object bufferOverBound = new Object();
    Sink sink = new Sink();
    sink.full = true;

    gate.hold(bufferOverBound);
    Backpressure.afterWrite(gate, sink);
    assertEquals(1, source.pauses, "paused once for both reasons");
    sink.drained();
    assertTrue(source.paused, "the stream buffer still holds it");
    gate.release(bufferOverBound);
    assertFalse(source.paused);
  }

  @Test
  void releaseAllLetsASurvivorReadAgain() {
    Source source = new Source();
    ReadGate gate = new ReadGate(source);
    gate.hold("a");
    gate.hold("b");
    gate.releaseAll();
    assertFalse(source.paused);
    assertFalse(gate.held());
  }
}
