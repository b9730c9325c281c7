package dev.crabbox.coordinator.provider.statichost;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProviderFactory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code static} provider from {@code providers.static.hosts}: a list of
 * {@code {name, host, port (22), user, hostKey ("SHA256:…"), target (linux)}}. No hosts, no
 * provider; a wrong entry stops the coordinator with a message naming it.
 */
public final class StaticProviderFactory implements ProviderFactory {

  public static final String NAME = "static";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String howToEnable() {
    return "list your SSH hosts under providers.static.hosts, each with name, host, port, user, "
        + "hostKey (its SHA256 fingerprint) and target";
  }

  @Override
  public Future<Optional<LeaseProvider>> create(ProviderContext context) {
    try {
      List<StaticHost> hosts = hosts(context.config().getValue("hosts"));
      return Future.succeededFuture(
          hosts.isEmpty() ? Optional.empty() : Optional.of(new StaticProvider(hosts)));
    } catch (ProviderException e) {
      return Future.failedFuture(e);
    }
  }

  private static List<StaticHost> hosts(Object config) {
    if (config == null) {
      return List.of();
    }
    if (!(config instanceof JsonArray)) {
      throw new ProviderException("providers.static.hosts must be a list of hosts");
    }
    JsonArray entries = (JsonArray) config;
    List<StaticHost> hosts = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Object entry = entries.getValue(i);
      String where = "providers.static.hosts[" + i + "]";
      if (!(entry instanceof JsonObject)) {
        throw new ProviderException(where + " must be an object with name, host, port, user, "
            + "hostKey and target");
      }
      Object name = ((JsonObject) entry).getValue("name");
      if (name instanceof String && !((String) name).isBlank()) {
        where += " (" + ((String) name).trim() + ")";
      }
      StaticHost host;
      try {
        host = StaticHost.fromConfig((JsonObject) entry);
      } catch (IllegalArgumentException e) {
        throw new ProviderException(where + ": " + e.getMessage());
      }
      Integer earlier = seen.putIfAbsent(host.name(), i);
      if (earlier != null) {
        throw new ProviderException(where + ": the name " + host.name() + " is already used by "
            + "providers.static.hosts[" + earlier + "]; host names must be unique");
      }
      hosts.add(host);
    }
    return hosts;
  }
}
