package dev.crabbox.protocol.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answer of {@code GET /v1/leases/{id}/egress/status}. Without a session {@code active} is false
 * and the session fields are empty: empty strings on the wire, empty text, an empty list and null
 * times here.
 */
public record EgressStatus(
    String leaseID,
    String slug,
    boolean active,
    String sessionID,
    String profile,
    List<String> allow,
    boolean hostConnected,
    boolean clientConnected,
    Instant createdAt,
    Instant updatedAt) {

  public EgressStatus {
    Objects.requireNonNull(leaseID, "leaseID");
    slug = slug == null ? "" : slug;
    sessionID = sessionID == null ? "" : sessionID;
    profile = profile == null ? "" : profile;
    allow = allow == null ? List.of() : List.copyOf(allow);
  }

  /** The status of a lease without an egress session. */
  public static EgressStatus inactive(String leaseID, String slug) {
    return new EgressStatus(leaseID, slug, false, "", "", List.of(), false, false, null, null);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("leaseID", leaseID);
    json.put("slug", slug);
    json.put("active", active);
    json.put("sessionID", sessionID);
    json.put("profile", profile);
    json.put("allow", allow);
    json.put("hostConnected", hostConnected);
    json.put("clientConnected", clientConnected);
    json.put("createdAt", ApiTimes.format(createdAt));
    json.put("updatedAt", ApiTimes.format(updatedAt));
    return json;
  }

  public static EgressStatus fromJson(Map<String, Object> json) {
    return new EgressStatus(
        Fields.string(json, "leaseID"),
        Fields.stringOrEmpty(json, "slug"),
        Fields.bool(json, "active"),
        Fields.stringOrEmpty(json, "sessionID"),
        Fields.stringOrEmpty(json, "profile"),
        Fields.strings(json, "allow"),
        Fields.bool(json, "hostConnected"),
        Fields.bool(json, "clientConnected"),
        ApiTimes.parse(json.get("createdAt")),
        ApiTimes.parse(json.get("updatedAt")));
  }
}
