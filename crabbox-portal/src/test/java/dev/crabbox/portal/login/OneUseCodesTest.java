package dev.crabbox.portal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Codes redeem once, expire, and cannot pile up without end. */
class OneUseCodesTest {

  private final MutableClock clock = new MutableClock();
  private final OneUseCodes<String> codes = new OneUseCodes<>(clock, Duration.ofMinutes(2));

  @Test
  void aCodeRedeemsOnceWithinItsLifetime() {
    String code = codes.mint("fay");
    assertEquals(Optional.of("fay"), codes.redeem(code));
    assertEquals(Optional.empty(), codes.redeem(code));
    String late = codes.mint("fay");
    clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), codes.redeem(late));
    assertEquals(Optional.empty(), codes.redeem(null));
  }

  @Test
  void liveCodesAreBoundedButExpiredOnesMakeRoom() {
    for (int i = 0; i < OneUseCodes.MAX_LIVE; i++) {
      codes.mint("x" + i);
    }
    IllegalStateException full = assertThrows(IllegalStateException.class, () -> codes.mint("y"));
    assertTrue(full.getMessage().contains("try again"), full.getMessage());
    clock.advance(Duration.ofMinutes(3));
    assertEquals(Optional.of("z"), codes.redeem(codes.mint("z")));
  }
}
