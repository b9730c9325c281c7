package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.MachineBootstrap;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases on Hetzner Cloud servers. {@link #provision} looks for a server labelled with the lease
 * id first (so a retry after a restart finds the one it started), otherwise uploads the
 * operator's SSH key and creates a server with the bootstrap's cloud-init, then polls until the
 * server runs with a public IPv4. {@link #release} deletes the server and the uploaded key.
 */
public final class HetznerProvider implements LeaseProvider {

  private static final Logger LOG = LoggerFactory.getLogger(HetznerProvider.class);
  private static final Set<String> OPTIONS = Set.of("serverType", "location", "image");
  private static final int SSH_PORT = 22;
  /** The API refuses larger {@code user_data}. */
  static final int MAX_USER_DATA_BYTES = 32 * 1024;

  private final Vertx vertx;
  private final HetznerSettings settings;
  private final MachineBootstrap bootstrap;
  private final HetznerApi api;
  private final LeaseSshKeys sshKeys;

  public HetznerProvider(Vertx vertx, HetznerSettings settings, MachineBootstrap bootstrap) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
    this.api = new HetznerApi(new HetznerHttp(vertx, settings));
    this.sshKeys = new LeaseSshKeys(api);
  }

  @Override
  public ProviderSpec spec() {
    return ProviderSpec.HETZNER;
  }

  @Override
  public void validate(ProvisionRequest request) {
    if (!LeaseTarget.LINUX.wireName().equalsIgnoreCase(request.target().trim())) {
      throw new ProviderException(
          "hetzner leases run Linux; target \"" + request.target() + "\" is not available");
    }
    for (String key : new TreeSet<>(request.options().keySet())) {
      if (!OPTIONS.contains(key)) {
        throw new ProviderException("hetzner has no option \"" + key + "\"; it takes "
            + String.join(", ", new TreeSet<>(OPTIONS)));
      }
      String value = request.options().get(key);
      if (!HetznerSettings.NAME.matcher(value).matches()) {
        throw new ProviderException("hetzner option \"" + key + "\" must be a Hetzner name "
            + "such as \"" + defaultOf(key) + "\"; got \"" + value + "\"");
      }
    }
    bootstrap.validate(request);
  }

  @Override
  public Map<String, String> prepareSecrets(ProvisionRequest request) {
    return bootstrap.prepareSecrets(request);
  }

  @Override
  public Future<Provisioned> provision(ProvisionRequest request) {
    Timer deadline = vertx.timer(settings.provisionTimeout().toMillis());
    return api.servers(HetznerLabels.leaseSelector(request.leaseId()))
        .compose(found -> found.isEmpty() ? create(request) : resume(request, found))
        .compose(server -> untilReady(server, deadline))
        .map(server -> provisioned(request, server))
        .andThen(done -> deadline.cancel());
  }

  @Override
  public Future<Void> release(String leaseId, String providerRef) {
    return serverIds(leaseId, providerRef)
        .compose(ids -> Future.all(ids.stream().map(id -> api.deleteServer(id)
            .onSuccess(deleted -> LOG.info("hetzner: server {} of lease {} {}", id, leaseId,
                deleted ? "deleted" : "was already gone"))).toList()))
        .compose(deleted -> sshKeys.deleteAll(leaseId));
  }

  @Override
  public Future<Void> close() {
    api.close();
    return Future.succeededFuture();
  }

  private Future<HetznerServer> resume(ProvisionRequest request, List<HetznerServer> found) {
    HetznerServer server = found.get(0);
    if (found.size() > 1) {
      LOG.warn("hetzner: lease {} has {} servers; using {}, release removes them all",
          request.leaseId(), found.size(), server.id());
    }
    LOG.info("hetzner: lease {} already has server {} ({}), waiting for it", request.leaseId(),
        server.id(), server.status());
    return Future.succeededFuture(server);
  }

  private Future<HetznerServer> create(ProvisionRequest request) {
    String userData = bootstrap.userData(request);
    int userDataBytes = userData.getBytes(StandardCharsets.UTF_8).length;
    if (userDataBytes > MAX_USER_DATA_BYTES) {
      return Future.failedFuture(new ProviderException("hetzner: the cloud-init document for this "
          + "lease is " + userDataBytes + " bytes; Hetzner takes at most " + MAX_USER_DATA_BYTES
          + " bytes of user data"));
    }
    return sshKeys.ensure(request).compose(keyId -> {
      JsonObject body = new JsonObject()
          .put("name", HetznerLabels.serverName(request))
          .put("server_type", request.option("serverType", settings.serverType()))
          .put("location", request.option("location", settings.location()))
          .put("image", request.option("image", settings.image()))
          .put("ssh_keys", keyId.map(id -> new JsonArray().add(id)).orElseGet(JsonArray::new))
          .put("user_data", userData)
          .put("labels", HetznerLabels.serverLabels(request))
          .put("start_after_create", true);
      return api.createServer(body);
    }).onSuccess(server -> LOG.info("hetzner: created server {} ({}, {}) for lease {}",
        server.id(), server.serverType(), server.location(), request.leaseId()));
  }

  /**
   * Polls the server until it runs with an address. A retryable failure of one look (rate
   * limit, timeout) is not the end: the next look may succeed before the deadline.
   */
  private Future<HetznerServer> untilReady(HetznerServer server, Timer deadline) {
    if (server.ready()) {
      return Future.succeededFuture(server);
    }
    if ("deleting".equals(server.status())) {
      return Future.failedFuture(new ProviderException(
          "hetzner: server " + server.id() + " is being deleted while its lease starts"));
    }
    if (deadline.isComplete()) {
      return Future.failedFuture(new ProviderException("hetzner: server " + server.id()
          + " was not running with a public IPv4 within "
          + ConfigDuration.format(settings.provisionTimeout()) + " (status \"" + server.status()
          + "\")"));
    }
    return vertx.timer(settings.pollInterval().toMillis())
        .compose(tick -> api.server(server.id()))
        .recover(failure -> {
          if (!isRetryable(failure)) {
            return Future.failedFuture(failure);
          }
          LOG.debug("hetzner: looking at server {} failed, trying again: {}", server.id(),
              failure.getMessage());
          return Future.succeededFuture(server);
        })
        .compose(next -> untilReady(next, deadline));
  }

  private Provisioned provisioned(ProvisionRequest request, HetznerServer server) {
    LeaseMachine.Ssh ssh = new LeaseMachine.Ssh(server.ipv4(), SSH_PORT,
        MachineBootstrap.SSH_USER, bootstrap.hostKeyFingerprint(request.secrets()));
    LeaseMachine machine = new LeaseMachine(server.serverType(), server.location(), ssh,
        server.cost().orElse(null));
    return new Provisioned(String.valueOf(server.id()), machine);
  }

  /** The server named by {@code providerRef}, else those labelled with the lease. */
  private Future<List<Long>> serverIds(String leaseId, String providerRef) {
    Optional<Long> ref = parseId(providerRef);
    if (ref.isPresent()) {
      return Future.succeededFuture(List.of(ref.get()));
    }
    return api.servers(HetznerLabels.leaseSelector(leaseId))
        .map(servers -> servers.stream().map(HetznerServer::id).toList());
  }

  private static Optional<Long> parseId(String providerRef) {
    if (providerRef == null || !providerRef.trim().matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(providerRef.trim()));
  }

  private static boolean isRetryable(Throwable failure) {
    return failure instanceof ProviderException provider && provider.retryable();
  }

  private String defaultOf(String option) {
    switch (option) {
      case "serverType":
        return settings.serverType();
      case "location":
        return settings.location();
      default:
        return settings.image();
    }
  }
}
