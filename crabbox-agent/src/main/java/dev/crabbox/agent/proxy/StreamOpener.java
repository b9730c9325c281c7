package dev.crabbox.agent.proxy;

import dev.crabbox.agent.bridge.BridgeLink;
import dev.crabbox.agent.bridge.BridgeStream;
import dev.crabbox.agent.bridge.StreamEvents;
import dev.crabbox.protocol.egress.OpenFailure;
import dev.crabbox.protocol.frame.HostPort;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Opens client-side streams for the lease proxy: OPEN on the current link, then wait for OPEN_OK
 * or ERROR, giving up (and resetting the stream) after the open timeout.
 */
final class StreamOpener {

  private final Vertx vertx;
  private final Supplier<BridgeLink> links;
  private final Duration openTimeout;

  StreamOpener(Vertx vertx, Supplier<BridgeLink> links, Duration openTimeout) {
    this.vertx = vertx;
    this.links = links;
    this.openTimeout = openTimeout;
  }

  /** An attempt in progress; {@link #cancel} gives it up when the browser goes away first. */
  final class Attempt {
    final Future<BridgeStream> opened;
    private final Promise<BridgeStream> result;
    private final BridgeStream stream;
    private final long timer;

    private Attempt(Promise<BridgeStream> result, BridgeStream stream, long timer) {
      this.opened = result.future();
      this.result = result;
      this.stream = stream;
      this.timer = timer;
    }

    /** Resets the stream (the host closes whatever it dialled) and fails the attempt. */
    void cancel(String reason) {
      if (result.tryFail(new OpenRefusedException(OpenFailure.OPEN_FAILED.message(reason)))) {
        vertx.cancelTimer(timer);
        stream.reset(reason);
      }
    }

    private void settle(BridgeStream opened, String failure) {
      vertx.cancelTimer(timer);
      if (failure == null) {
        result.tryComplete(opened);
      } else {
        result.tryFail(new OpenRefusedException(failure));
      }
    }
  }

  /**
   * Sends OPEN for {@code target}. The attempt's future succeeds with the stream once the host
   * dialled, or fails with {@link OpenRefusedException} carrying an OpenFailure message.
   */
  Attempt open(HostPort target) {
    BridgeLink link = links.get();
    if (link == null) {
      Promise<BridgeStream> refused = Promise.promise();
      refused.fail(new OpenRefusedException(OpenFailure.HOST_NOT_CONNECTED.message(null)));
      return new Attempt(refused, null, -1);
    }
    Promise<BridgeStream> result = Promise.promise();
    BridgeStream stream = link.openStream(target.host(), target.port(), StreamEvents.IGNORE);
    long timer = vertx.setTimer(openTimeout.toMillis(), id -> {
      if (result.tryFail(new OpenRefusedException(OpenFailure.OPEN_TIMEOUT.message(
          target + ": no answer from the host agent within " + human(openTimeout))))) {
        stream.reset("open timeout");
      }
    });
    Attempt attempt = new Attempt(result, stream, timer);
    // No frame can arrive between openStream and here: both run in this event-loop turn.
    stream.events(new StreamEvents() {
      @Override
      public void onOpened() {
        attempt.settle(stream, null);
      }

      @Override
      public void onOpenFailed(String message) {
        attempt.settle(null, message);
      }

      @Override
      public void onReset(String reason) {
        attempt.settle(null, OpenFailure.OPEN_FAILED.message(reason));
      }
    });
    return attempt;
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
