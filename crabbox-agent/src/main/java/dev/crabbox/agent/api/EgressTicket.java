package dev.crabbox.agent.api;

import io.vertx.core.json.JsonObject;

/**
 * A one-use egress ticket as answered by {@code POST /v1/leases/{id}/egress/ticket}.
 * {@link #toString()} leaves the ticket out so it never reaches a log by accident.
 *
 * @param expiresAt ISO-8601 UTC time, as the coordinator sent it
 */
public record EgressTicket(String ticket, String leaseID, String role, String sessionID, String expiresAt) {

  static EgressTicket fromJson(JsonObject json) {
    return new EgressTicket(json.getString("ticket"), json.getString("leaseID"), json.getString("role"),
        json.getString("sessionID"), json.getString("expiresAt"));
  }

  @Override
  public String toString() {
    return "EgressTicket[leaseID=" + leaseID + ", role=" + role + ", sessionID=" + sessionID
        + ", expiresAt=" + expiresAt + "]";
  }
}
