package dev.crabbox.coordinator.egress;

import io.vertx.core.streams.ReadStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Pauses a socket while any reason holds it: a full write queue downstream, a stream buffer over
 * its bound, a socket not yet adopted by its session. Reasons come and go on different event
 * loops, hence the lock; pause and resume themselves are thread-safe in Vert.x. A link places
 * its holds through its {@link LinkHolds}, which lifts them when the link is disposed.
 */
final class ReadGate {

  private final ReadStream<?> stream;
  private final Set<Object> holds = new HashSet<>();
  /** The socket closed: it reads what it still has, whatever holds are asked for. */
  private boolean open;

  ReadGate(ReadStream<?> stream) {
    this.stream = stream;
  }

  synchronized void hold(Object reason) {
    if (!open && holds.add(reason) && holds.size() == 1) {
      stream.pause();
    }
  }

  synchronized void release(Object reason) {
    if (holds.remove(reason) && holds.isEmpty()) {
      stream.resume();
    }
  }

  /**
   * Resumes for good: the socket closed and its pair is about to be torn down, so what it still
   * has queued must be read now, whatever the partner's backpressure (a bounded amount: Vert.x
   * stops reading the connection while a paused socket's queue is full). Holds asked for later,
   * by relaying those very messages to a full partner, are ignored.
   */
  synchronized void openForGood() {
    if (!open) {
      open = true;
      holds.clear();
      stream.resume();
    }
  }

  synchronized boolean held() {
    return !holds.isEmpty();
  }
}
