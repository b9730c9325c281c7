package dev.crabbox.coordinator.egress;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs asynchronous operations one after another per key (a lease), so that two ticket requests
 * for the same lease cannot interleave their read-decide-write of the current session. Use from
 * one context only.
 */
final class KeyedQueue {

  private final Map<String, Future<?>> tails = new HashMap<>();

  <T> Future<T> run(String key, Supplier<Future<T>> operation) {
    Future<?> previous = tails.getOrDefault(key, Future.succeededFuture());
    Future<T> next = previous.transform(done -> operation.get());
    tails.put(key, next);
    next.onComplete(done -> tails.remove(key, next));
    return next;
  }

  /** Completes once every operation queued so far has finished, however it ended. */
  Future<Void> drained() {
    return Future.join(new ArrayList<>(tails.values())).transform(done -> Future.succeededFuture());
  }
}
