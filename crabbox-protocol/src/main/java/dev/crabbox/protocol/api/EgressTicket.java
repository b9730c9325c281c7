package dev.crabbox.protocol.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Answer of {@code POST /v1/leases/{id}/egress/ticket}: {@code {ticket, leaseID, role,
 * sessionID, expiresAt}}. The ticket is a one-use credential, so {@link #toString()} leaves it out.
 */
public record EgressTicket(String ticket, String leaseID, String role, String sessionID,
    Instant expiresAt) {

  public EgressTicket {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(leaseID, "leaseID");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(sessionID, "sessionID");
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ticket", ticket);
    json.put("leaseID", leaseID);
    json.put("role", role);
    json.put("sessionID", sessionID);
    json.put("expiresAt", ApiTimes.format(expiresAt));
    return json;
  }

  public static EgressTicket fromJson(Map<String, Object> json) {
    return new EgressTicket(
        Fields.string(json, "ticket"),
        Fields.string(json, "leaseID"),
        Fields.string(json, "role"),
        Fields.string(json, "sessionID"),
        ApiTimes.parse(json.get("expiresAt")));
  }

  @Override
  public String toString() {
    return "EgressTicket[leaseID=" + leaseID + ", role=" + role + ", sessionID=" + sessionID
        + ", expiresAt=" + ApiTimes.format(expiresAt) + ", ticket=<redacted>]";
  }
}
