package dev.crabbox.cli.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crabbox.protocol.api.LeaseView;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseTextTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private static LeaseView lease(String state, Instant expiresAt) {
    return new LeaseView("cbx_1", "blue-lobster", "me", "", "manual", "linux", state,
        LeaseView.Labels.NONE, NOW, NOW, expiresAt);
  }

  @ParameterizedTest
  @CsvSource({"45,in 45s", "1799,in 29m", "1800,in 30m", "3900,in 1h05m", "90000,in 1d01h"})
  void activeLeaseExpiresInRelativeTime(long seconds, String expected) {
    assertEquals(expected, LeaseText.expires(lease("active", NOW.plusSeconds(seconds)), NOW));
  }

  @Test
  void pastOrExpiredIsExpiredAndReleasedIsADash() {
    assertEquals("expired", LeaseText.expires(lease("active", NOW), NOW));
    assertEquals("expired", LeaseText.expires(lease("expired", NOW.plus(Duration.ofMinutes(5))), NOW));
    assertEquals("-", LeaseText.expires(lease("released", NOW.plus(Duration.ofMinutes(5))), NOW));
    assertEquals("-", LeaseText.expires(lease("active", null), NOW));
  }
}
