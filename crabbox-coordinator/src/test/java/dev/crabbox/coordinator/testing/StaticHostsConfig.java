package dev.crabbox.coordinator.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The coordinator's {@code providers} config naming one {@code static} host, for tests. */
public final class StaticHostsConfig {

  private StaticHostsConfig() {}

  /** {@code {"static": {"hosts": [{name, host, port, user, hostKey}]}}}. */
  public static JsonObject oneHost(String name, String host, int port, String user, String hostKey) {
    return new JsonObject().put("static", new JsonObject().put("hosts", new JsonArray()
        .add(new JsonObject().put("name", name).put("host", host).put("port", port)
            .put("user", user).put("hostKey", hostKey))));
  }
}
