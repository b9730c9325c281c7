package dev.crabbox.cli.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.api.LeaseView;
import java.math.BigDecimal;
import java.util.List;
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
    assertEquals("-", LeaseText.expires(lease("failed", NOW.plus(Duration.ofMinutes(5))), NOW));
  }

  @Test
  void statusShowsTheMachineItsPriceAndAFailureReason() {
    LeaseMachine machine = new LeaseMachine("cx22", "fsn1",
        new LeaseMachine.Ssh("203.0.113.7", 22, "crabbox", "SHA256:abc"),
        new LeaseMachine.Cost(new BigDecimal("0.0071"), "EUR"));
    LeaseView active = new LeaseView("cbx_1", "blue-lobster", "me", "", "hetzner", "linux",
        "active", LeaseView.Labels.NONE, NOW.minus(Duration.ofMinutes(90)), NOW,
        NOW.plusSeconds(60), machine, null);
    List<String> lines = LeaseText.detail(active, NOW);
    assertTrue(lines.contains("server:    cx22 in fsn1"), String.join("\n", lines));
    assertTrue(lines.contains("ssh:       crabbox@203.0.113.7:22"), String.join("\n", lines));
    assertTrue(lines.contains("host key:  SHA256:abc"), String.join("\n", lines));
    assertTrue(lines.contains("cost:      0.0071 EUR/h, about 0.0107 EUR so far"),
        String.join("\n", lines));

    LeaseView failed = new LeaseView("cbx_2", "red-crab", "me", "", "hetzner", "linux", "failed",
        LeaseView.Labels.NONE, NOW, NOW, NOW, null,
        "hetzner: server limit reached (resource_limit_exceeded)");
    assertTrue(LeaseText.detail(failed, NOW).contains(
        "failure:   hetzner: server limit reached (resource_limit_exceeded)"));
  }
}
