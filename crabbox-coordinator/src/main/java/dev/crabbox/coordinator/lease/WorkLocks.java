package dev.crabbox.coordinator.lease;

import io.vertx.core.Future;
import io.vertx.core.shareddata.SharedData;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lets one worker at a time do a named piece of lease work (a sweep, a lease's cleanup or
 * provisioning). On a clustered Vert.x the locks of {@link SharedData} are cluster-wide, so the
 * work runs on one node at a time; a node that dies drops its locks with its cluster membership.
 * Work that finds its lock taken is skipped, not queued: whoever holds it does the same work.
 */
public interface WorkLocks {

  /** Runs {@code work} while holding lock {@code name}; empty when someone else holds it. */
  <T> Future<Optional<T>> ifFree(String name, Supplier<Future<T>> work);

  /** No locking: the caller's own bookkeeping is enough (a single coordinator). */
  WorkLocks NONE = new WorkLocks() {
    @Override
    public <T> Future<Optional<T>> ifFree(String name, Supplier<Future<T>> work) {
      return work.get().map(Optional::ofNullable);
    }
  };

  /** Locks of {@code sharedData}, waiting at most {@code wait} for a lock held elsewhere. */
  static WorkLocks of(SharedData sharedData, Duration wait) {
    return new WorkLocks() {
      @Override
      public <T> Future<Optional<T>> ifFree(String name, Supplier<Future<T>> work) {
        return sharedData.getLockWithTimeout(name, wait.toMillis()).transform(acquired -> {
          if (acquired.failed()) {
            return Future.succeededFuture(Optional.empty());
          }
          Future<T> done;
          try {
            done = work.get();
          } catch (RuntimeException e) {
            done = Future.failedFuture(e);
          }
          return done.map(Optional::ofNullable)
              .onComplete(finished -> acquired.result().release());
        });
      }
    };
  }
}
