package dev.crabbox.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.testing.EgressRig;
import dev.crabbox.protocol.allow.Allowlist;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The host never starts as an open proxy. */
@ExtendWith(VertxExtension.class)
class HostStartupTest {

  private static EgressHostOptions options() {
    return new EgressHostOptions()
        .setCoordinator(URI.create("http://127.0.0.1:1"))
        .setLease("blue-lobster")
        .setTicketSource(TicketSource.fixed(EgressRig.newTicket("host")));
  }

  @Test
  void refusesToStartWithoutAnAllowlist(Vertx vertx) {
    Throwable failure = awaitFailure(vertx, options());
    assertInstanceOf(OpenProxyRefusedException.class, failure);
    assertEquals("egress host requires --profile or --allow; refusing to start an open proxy", failure.getMessage());
  }

  @Test
  void refusesToStartWithAnEmptyAllowlist(Vertx vertx) throws Exception {
    Throwable failure = awaitFailure(vertx, options().setAllowlist(Allowlist.of(List.of(), List.of("*", " "))));
    assertEquals(OpenProxyRefusedException.MESSAGE, failure.getMessage());
  }

  @Test
  void refusesAMissingTicketSource(Vertx vertx) {
    Throwable failure = awaitFailure(vertx, options().setAllowlist(EgressRig.allowlist("example.com"))
        .setTicketSource(null));
    assertEquals("ticket source", failure.getMessage());
  }

  private static Throwable awaitFailure(Vertx vertx, EgressHostOptions options) {
    try {
      vertx.deployVerticle(new EgressHostVerticle(options)).await();
    } catch (Throwable expected) {
      return expected;
    }
    throw new AssertionError("deployment succeeded");
  }
}
