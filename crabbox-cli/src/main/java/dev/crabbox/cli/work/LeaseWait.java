package dev.crabbox.cli.work;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.protocol.api.LeaseView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;

/** Polls a lease until its provider has it {@code active}, or fails with the provider's reason. */
final class LeaseWait {
  private LeaseWait() {
  }

  static Future<LeaseView> untilActive(Vertx vertx, CoordinatorClient client, LeaseView lease, Instant deadline,
      Duration poll, ProgressLine progress) {
    String name = lease.id() + " (" + lease.slug() + ")";
    switch (lease.state()) {
      case LeaseFacts.ACTIVE:
        return Future.succeededFuture(lease);
      case LeaseFacts.PROVISIONING:
        if (Instant.now().plus(poll).isAfter(deadline)) {
          return Future.failedFuture(new FatalSetupException("lease " + name
              + " is still provisioning; gave up waiting (raise --timeout or check `crabbox status "
              + lease.slug() + "` later)"));
        }
        progress.step("provisioning lease " + name + " on " + lease.provider());
        return vertx.timer(poll.toMillis())
            .compose(fired -> client.getLease(lease.id()))
            .compose(LeaseFacts::read)
            .compose(next -> untilActive(vertx, client, next, deadline, poll, progress));
      case LeaseFacts.FAILED:
        return Future.failedFuture(new FatalSetupException("lease " + name + " failed on provider "
            + lease.provider() + ": " + (lease.failure() == null ? "no reason given" : lease.failure())));
      default:
        return Future.failedFuture(new FatalSetupException("lease " + name + " is " + lease.state()
            + "; warm a new lease"));
    }
  }
}
