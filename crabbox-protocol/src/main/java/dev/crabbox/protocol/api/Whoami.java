package dev.crabbox.protocol.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Answer of {@code GET /v1/whoami}: the caller as the bearer token names it. */
public record Whoami(String owner, String org, String role) {

  public Whoami {
    owner = owner == null ? "" : owner;
    org = org == null ? "" : org;
    role = role == null ? "" : role;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("owner", owner);
    json.put("org", org);
    json.put("role", role);
    return json;
  }

  public static Whoami fromJson(Map<String, Object> json) {
    return new Whoami(Fields.string(json, "owner"), Fields.stringOrEmpty(json, "org"),
        Fields.string(json, "role"));
  }
}
