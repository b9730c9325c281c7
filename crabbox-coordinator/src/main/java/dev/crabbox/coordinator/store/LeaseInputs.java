package dev.crabbox.coordinator.store;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a lease's provider needs again after a restart: the operator's SSH public key, the
 * provider options of the request and the secrets made for the lease (host key, VNC password,
 * code-server token). Stored as JSON with the lease; never part of an API view.
 */
public record LeaseInputs(String sshPublicKey, Map<String, String> options,
    Map<String, String> secrets) {

  public static final LeaseInputs NONE = new LeaseInputs("", Map.of(), Map.of());

  public LeaseInputs {
    sshPublicKey = sshPublicKey == null ? "" : sshPublicKey;
    options = options == null ? Map.of() : Map.copyOf(options);
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
  }

  public String toJson() {
    return new JsonObject()
        .put("sshPublicKey", sshPublicKey)
        .put("options", new JsonObject(new LinkedHashMap<>(options)))
        .put("secrets", new JsonObject(new LinkedHashMap<>(secrets)))
        .encode();
  }

  public static LeaseInputs fromJson(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    JsonObject json = new JsonObject(text);
    return new LeaseInputs(json.getString("sshPublicKey", ""), strings(json.getJsonObject("options")),
        strings(json.getJsonObject("secrets")));
  }

  private static Map<String, String> strings(JsonObject object) {
    Map<String, String> out = new LinkedHashMap<>();
    if (object != null) {
      object.forEach(entry -> out.put(entry.getKey(), String.valueOf(entry.getValue())));
    }
    return out;
  }

  /** Never prints the secrets. */
  @Override
  public String toString() {
    return "LeaseInputs[options=" + options + ", secrets=" + secrets.keySet() + "]";
  }
}
