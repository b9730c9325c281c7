package dev.crabbox.coordinator.provider.statichost;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Leases on SSH hosts the operator already runs and lists in the coordinator config. A lease
 * picks one with the {@code host} option (or gets the only one configured) and is handed its
 * address and pinned host key at once; nothing is created, so nothing is removed either.
 */
public final class StaticProvider implements LeaseProvider {

  /** The request option that names the host. */
  public static final String HOST_OPTION = "host";

  private final Map<String, StaticHost> hosts = new LinkedHashMap<>();

  /** @param hosts the configured hosts, names unique, at least one */
  public StaticProvider(List<StaticHost> hosts) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a static provider needs at least one host");
    }
    for (StaticHost host : hosts) {
      if (this.hosts.putIfAbsent(host.name(), host) != null) {
        throw new IllegalArgumentException("static host name " + host.name() + " is used twice");
      }
    }
  }

  @Override
  public ProviderSpec spec() {
    return ProviderSpec.STATIC;
  }

  @Override
  public void validate(ProvisionRequest request) {
    chooseHost(request);
  }

  @Override
  public Future<Provisioned> provision(ProvisionRequest request) {
    try {
      StaticHost host = chooseHost(request);
      return Future.succeededFuture(
          new Provisioned(host.name(), new LeaseMachine("static", "", host.ssh(), null)));
    } catch (ProviderException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Crabbox does not own static hosts: the operator installed them and keeps them after the
   * lease, so releasing leaves the host (and whatever the lease did on it) as it is.
   */
  @Override
  public Future<Void> release(String leaseId, String providerRef) {
    return Future.succeededFuture();
  }

  /** The host the request names, checked against its target. */
  private StaticHost chooseHost(ProvisionRequest request) {
    Set<String> unknown = new TreeSet<>(request.options().keySet());
    unknown.remove(HOST_OPTION);
    if (!unknown.isEmpty()) {
      throw new ProviderException("the static provider takes only the host option; remove "
          + String.join(", ", unknown));
    }
    String name = request.option(HOST_OPTION, null);
    StaticHost host;
    if (name == null) {
      if (hosts.size() != 1) {
        throw new ProviderException("choose a static host with the host option; configured "
            + "hosts: " + names());
      }
      host = hosts.values().iterator().next();
    } else {
      host = hosts.get(name.trim());
      if (host == null) {
        throw new ProviderException("there is no static host named \"" + name.trim()
            + "\"; configured hosts: " + names());
      }
    }
    LeaseTarget target;
    try {
      target = LeaseTarget.parse(request.target());
    } catch (IllegalArgumentException e) {
      throw new ProviderException(e.getMessage());
    }
    if (target != host.target()) {
      throw new ProviderException("static host " + host.name() + " runs " + host.target()
          + ", but the lease asks for target " + target + "; ask for target " + host.target()
          + " or choose another host");
    }
    return host;
  }

  private String names() {
    return String.join(", ", hosts.keySet());
  }
}
