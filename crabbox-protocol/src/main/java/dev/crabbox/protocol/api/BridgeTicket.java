package dev.crabbox.protocol.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Answer of {@code POST /v1/leases/{id}/bridges/{kind}/ticket}: {@code {ticket, leaseID, kind,
 * expiresAt}}, the one-use credential the lease bridge agent upgrades with. {@link #toString()}
 * leaves the ticket out.
 */
public record BridgeTicket(String ticket, String leaseID, String kind, Instant expiresAt) {

  public BridgeTicket {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(leaseID, "leaseID");
    Objects.requireNonNull(kind, "kind");
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ticket", ticket);
    json.put("leaseID", leaseID);
    json.put("kind", kind);
    json.put("expiresAt", ApiTimes.format(expiresAt));
    return json;
  }

  public static BridgeTicket fromJson(Map<String, Object> json) {
    return new BridgeTicket(
        Fields.string(json, "ticket"),
        Fields.string(json, "leaseID"),
        Fields.string(json, "kind"),
        ApiTimes.parse(json.get("expiresAt")));
  }

  @Override
  public String toString() {
    return "BridgeTicket[leaseID=" + leaseID + ", kind=" + kind + ", expiresAt="
        + ApiTimes.format(expiresAt) + ", ticket=<redacted>]";
  }
}
