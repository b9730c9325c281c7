package dev.crabbox.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRecordsTest {

  private static final Instant T = Instant.parse("2025-01-01T10:00:00.250Z");

  @Test
  void leaseViewRoundTripsWithTheWireShape() {
    LeaseView lease = new LeaseView("cbx_abcdef123456", "blue-prawn", "alice", "acme", "manual",
        "linux", "active", new LeaseView.Labels(true, false, true), T, T, T.plusSeconds(1800));
    Map<String, Object> json = lease.toJson();
    assertEquals(List.of("id", "slug", "owner", "org", "provider", "target", "state", "labels",
        "createdAt", "updatedAt", "expiresAt"), List.copyOf(json.keySet()));
    assertEquals("2025-01-01T10:00:00.250Z", json.get("createdAt"));
    assertEquals("2025-01-01T10:30:00.250Z", json.get("expiresAt"));
    assertEquals(Map.of("desktop", true, "browser", false, "code", true), json.get("labels"));
    assertEquals(lease, LeaseView.fromJson(json));
  }

  @Test
  void leaseViewToleratesMissingLabels() {
    Map<String, Object> json = new LinkedHashMap<>(Map.of("id", "cbx_000000000001", "slug", "tidal-lobster"));
    LeaseView lease = LeaseView.fromJson(json);
    assertEquals(LeaseView.Labels.NONE, lease.labels());
    assertNull(lease.createdAt());
    assertThrows(IllegalArgumentException.class, () -> LeaseView.fromJson(Map.of("slug", "x")));
  }

  @Test
  void egressTicketRoundTripsAndHidesTheTicketInToString() {
    EgressTicket ticket = new EgressTicket("egress_0123456789abcdef0123456789abcdef",
        "cbx_abcdef123456", "host", "egress_session1", T);
    assertEquals(ticket, EgressTicket.fromJson(ticket.toJson()));
    assertFalse(ticket.toString().contains("0123456789abcdef"));
  }

  @Test
  void egressStatusUsesEmptyFieldsWithoutASession() {
    EgressStatus inactive = EgressStatus.inactive("cbx_abcdef123456", "blue-prawn");
    Map<String, Object> json = inactive.toJson();
    assertEquals(false, json.get("active"));
    assertEquals("", json.get("sessionID"));
    assertEquals("", json.get("createdAt"));
    assertEquals(List.of(), json.get("allow"));
    assertEquals(inactive, EgressStatus.fromJson(json));

    EgressStatus active = new EgressStatus("cbx_abcdef123456", "blue-prawn", true, "egress_s1",
        "discord", List.of("discord.com"), true, false, T, T);
    assertEquals(active, EgressStatus.fromJson(active.toJson()));
  }

  @Test
  void apiErrorAndWhoamiRoundTrip() {
    ApiError error = new ApiError("lease_not_found", "lease not found: x");
    assertEquals(Map.of("error", "lease_not_found", "message", "lease not found: x"), error.toJson());
    assertEquals(error, ApiError.fromJson(error.toJson()));
    Whoami me = new Whoami("admin", "", "admin");
    assertEquals(me, Whoami.fromJson(me.toJson()));
  }

  @Test
  void timesAreIsoUtcWithMilliseconds() {
    assertEquals("2025-01-01T10:00:00Z", ApiTimes.format(Instant.parse("2025-01-01T10:00:00.000999Z")));
    assertEquals("", ApiTimes.format(null));
    assertNull(ApiTimes.parse(""));
    assertThrows(IllegalArgumentException.class, () -> ApiTimes.parse("yesterday"));
  }
}
