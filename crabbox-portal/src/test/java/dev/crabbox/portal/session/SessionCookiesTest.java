package dev.crabbox.portal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.JwtTokenVerifier;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class SessionCookiesTest {

  @Test
  void aSignedSessionVerifiesUntilItExpiresOnTheCoordinatorClock(Vertx vertx, @TempDir Path dir) {
    MutableClock clock = new MutableClock();
    CoordinatorKeys keys = CoordinatorKeys.loadOrCreate(dir, clock);
    SessionCookies cookies = new SessionCookies(vertx, keys, clock, Duration.ofHours(1));
    String value = cookies.sign(cookies.newSession("alice", "acme", Role.USER));

    PortalSession session = Await.result(cookies.verify(value));
    assertEquals("alice", session.owner());
    assertEquals("acme", session.org());
    assertEquals(Role.USER, session.role());

    clock.advance(Duration.ofMinutes(61));
    assertEquals("session expired", Await.failure(cookies.verify(value)).getMessage());
  }

  @Test
  void sessionsAndBearerTokensAreNotInterchangeable(Vertx vertx, @TempDir Path dir) {
    MutableClock clock = new MutableClock();
    CoordinatorKeys keys = CoordinatorKeys.loadOrCreate(dir, clock);
    SessionCookies cookies = new SessionCookies(vertx, keys, clock, Duration.ofHours(1));
    String session = cookies.sign(cookies.newSession("admin", "", Role.ADMIN));

    assertTrue(Await.failure(cookies.verify(keys.adminToken())) != null,
        "a bearer token is not a session");
    assertTrue(Await.failure(new JwtTokenVerifier(vertx, keys).verify(session)) != null,
        "a session cookie is not a bearer token");
    assertTrue(Await.failure(cookies.verify(session.substring(0, session.length() - 2) + "xx"))
        != null, "a tampered session is refused");
  }
}
