package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.ProviderException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Cloud API endpoints the provider uses: servers and SSH keys. Results are plain values;
 * failures are {@link ProviderException}s from
 * {@link HetznerReply#failure()} or {@link HetznerHttp}.
 */
final class HetznerApi {

  private final HetznerHttp http;

  HetznerApi(HetznerHttp http) {
    this.http = http;
  }

  /** {@code GET /servers?label_selector=…}: the servers carrying the labels. */
  Future<List<HetznerServer>> servers(String labelSelector) {
    return http.get("/servers", Map.of("label_selector", labelSelector))
        .map(reply -> objects(reply.bodyOrThrow(), "servers").stream()
            .map(HetznerServer::fromJson).toList());
  }

  /** {@code POST /servers}: the new server as first reported (usually {@code initializing}). */
  Future<HetznerServer> createServer(JsonObject body) {
    return http.post("/servers", body)
        .map(HetznerApi::serverIn);
  }

  /** {@code GET /servers/{id}}. */
  Future<HetznerServer> server(long id) {
    return http.get("/servers/" + id, Map.of())
        .map(HetznerApi::serverIn);
  }

  /** {@code DELETE /servers/{id}}: true when deleted now, false when it was already gone. */
  Future<Boolean> deleteServer(long id) {
    return http.delete("/servers/" + id).map(HetznerApi::deletedOrGone);
  }

  /**
   * {@code POST /ssh_keys}: the new key's id, or empty when the project already holds the key
   * (same name or same fingerprint: a {@code uniqueness_error}).
   */
  Future<Optional<Long>> createSshKey(String name, String publicKey, JsonObject labels) {
    JsonObject body = new JsonObject().put("name", name).put("public_key", publicKey)
        .put("labels", labels);
    return http.post("/ssh_keys", body).map(reply -> {
      if ("uniqueness_error".equals(reply.errorCode())) {
        return Optional.<Long>empty();
      }
      return Optional.of(reply.bodyOrThrow().getJsonObject("ssh_key").getLong("id"));
    });
  }

  /**
   * {@code GET /ssh_keys?<filter>=<value>}: the ids of the keys matching {@code name},
   * {@code fingerprint} or {@code label_selector}.
   */
  Future<List<Long>> sshKeyIds(String filter, String value) {
    return http.get("/ssh_keys", Map.of(filter, value))
        .map(reply -> objects(reply.bodyOrThrow(), "ssh_keys").stream()
            .map(key -> key.getLong("id")).toList());
  }

  /** {@code DELETE /ssh_keys/{id}}: true when deleted now, false when it was already gone. */
  Future<Boolean> deleteSshKey(long id) {
    return http.delete("/ssh_keys/" + id).map(HetznerApi::deletedOrGone);
  }

  void close() {
    http.close();
  }

  private static HetznerServer serverIn(HetznerReply reply) {
    Object server = reply.bodyOrThrow().getValue("server");
    if (server instanceof JsonObject json && json.getValue("id") instanceof Number) {
      return HetznerServer.fromJson(json);
    }
    throw new ProviderException("hetzner: the API answered " + reply.request()
        + " without a server", true, null);
  }

  private static boolean deletedOrGone(HetznerReply reply) {
    if (reply.status() == 404) {
      return false;
    }
    reply.bodyOrThrow();
    return true;
  }

  private static List<JsonObject> objects(JsonObject body, String key) {
    JsonArray array = body.getJsonArray(key, new JsonArray());
    List<JsonObject> objects = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      objects.add(array.getJsonObject(i));
    }
    return objects;
  }
}
