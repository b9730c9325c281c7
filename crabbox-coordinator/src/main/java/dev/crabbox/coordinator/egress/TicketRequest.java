package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.JsonBodies;
import dev.crabbox.coordinator.store.BridgeRole;
import dev.crabbox.protocol.allow.Allowlist;
import dev.crabbox.protocol.allow.AllowlistException;
import dev.crabbox.protocol.egress.EgressSessionIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Body of {@code POST .../egress/ticket}: {@code {role, sessionID?, profile?, allow?}}. A missing
 * or invalid session id means "join the current session or start one". Host tickets carry the
 * scope the session records; client tickets ignore it.
 */
public record TicketRequest(BridgeRole role, Optional<String> sessionId, String profile,
    List<String> allow) {

  public static TicketRequest parse(JsonObject body) {
    Object roleValue = body.getValue("role");
    BridgeRole role = BridgeRole.parse(roleValue instanceof String s ? s : null)
        .orElseThrow(() -> ApiException.badRequest("\"role\" must be \"host\" or \"client\""));
    Object sessionValue = body.getValue("sessionID");
    Optional<String> session = sessionValue instanceof String s && EgressSessionIds.valid(s)
        ? Optional.of(s)
        : Optional.empty();
    if (role == BridgeRole.CLIENT) {
      return new TicketRequest(role, session, "", List.of());
    }
    String profile = JsonBodies.optionalString(body, "profile");
    List<String> allow = strings(body.getValue("allow"));
    return new TicketRequest(role, session, profile == null ? "" : profile.trim(),
        normalizedAllow(profile, allow));
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.badRequest("\"allow\" must be an array of host patterns");
    }
    List<String> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String s)) {
        throw ApiException.badRequest("\"allow\" must be an array of host patterns");
      }
      out.add(s);
    }
    return out;
  }

  /** Validates profile names and entries the way the host agent does; records the normalized entries. */
  private static List<String> normalizedAllow(String profile, List<String> allow) {
    List<String> profiles = profile == null || profile.isBlank()
        ? List.of()
        : Arrays.stream(profile.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    try {
      Allowlist.of(profiles, List.of());
      return Allowlist.of(List.of(), allow).entries();
    } catch (AllowlistException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
