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
    LinkHolds holds = new LinkHolds();

    Backpressure.afterWrite(holds, gate, sink);
    assertFalse(source.paused, "room in the sink: keep reading");

    sink.full = true;
    Backpressure.afterWrite(holds, gate, sink);
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
    Backpressure.afterWrite(new LinkHolds(), gate, sink);
    assertEquals(1, source.pauses, "paused once for both reasons");
    sink.drained();
    assertTrue(source.paused, "the stream buffer still holds it");
    gate.release(bufferOverBound);
    assertFalse(source.paused);
  }

  @Test
  void disposingALinkLetsTheSurvivorReadAgainButKeepsOtherHolds() {
    Source source = new Source();
    ReadGate gate = new ReadGate(source);
    LinkHolds oldLink = new LinkHolds();
    LinkHolds newLink = new LinkHolds();
    Sink oldPartner = new Sink();
    oldPartner.full = true;
    Sink newPartner = new Sink();
    newPartner.full = true;

    Backpressure.afterWrite(oldLink, gate, oldPartner);
    Backpressure.afterWrite(newLink, gate, newPartner);
    oldLink.liftAll();
    assertTrue(source.paused, "the new link's hold stays");
    newPartner.drained();
    assertFalse(source.paused);
  }

  @Test
  void aHoldAfterTheLinkIsDisposedIsRefused() {
    // A relay that passed its "disposed?" check before the actor disposed the link still writes
    // to the old partner, whose queue is full and which, being closed, never drains.
    Source source = new Source();
    ReadGate gate = new ReadGate(source);
    LinkHolds holds = new LinkHolds();
    Sink closingPartner = new Sink();
    closingPartner.full = true;

    holds.liftAll();
    Backpressure.afterWrite(holds, gate, closingPartner);
    assertFalse(source.paused, "the survivor keeps reading");
    assertFalse(gate.held());
  }

  @Test
  void aLateDrainOfAnOldLinkReleasesNothingElse() {
    Source source = new Source();
    ReadGate gate = new ReadGate(source);
    LinkHolds oldLink = new LinkHolds();
    Object adoption = new Object();
    Sink sink = new Sink();
    sink.full = true;

    Backpressure.afterWrite(oldLink, gate, sink);
    oldLink.liftAll();
    gate.hold(adoption);
    sink.drained();
    assertTrue(source.paused, "only the gate's own reasons release it");
  }
}
