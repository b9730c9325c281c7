package dev.crabbox.cli.demo;

import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.agent.host.EgressHostOptions;
import dev.crabbox.agent.host.EgressHostVerticle;
import dev.crabbox.agent.proxy.LeaseProxyOptions;
import dev.crabbox.agent.proxy.LeaseProxyVerticle;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.login.LoginLinks;
import dev.crabbox.protocol.allow.Allowlist;
import dev.crabbox.protocol.net.ListenAddress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole mediated-egress path on this machine: an embedded coordinator (with its portal), one
 * manual lease, an egress host and a lease proxy, all on loopback ports. The demo, the benchmark and the component
 * tests build on it so that they exercise exactly what an operator runs.
 */
public final class LocalEgressRig {

  /** How the rig's agents are set up. */
  public record Settings(List<String> allow, boolean allowPrivateDestinations, WireVersion hostWire,
      WireVersion clientWire) {

    /** Loopback origins only, v2 both sides: what the demo uses. */
    public static Settings loopback(WireVersion wire) {
      return new Settings(List.of("127.0.0.1", "localhost"), true, wire, wire);
    }
  }

  private final Vertx vertx;
  private final List<String> deployments = new ArrayList<>();
  private CoordinatorVerticle coordinator;
  private LoginLinks loginLinks;
  /** Where the host and the lease proxy connect (two nodes of a cluster may differ). */
  private URI hostCoordinator;
  private URI clientCoordinator;
  private CoordinatorClient admin;
  private JsonObject lease;
  private EgressHostVerticle host;
  private String hostDeployment;
  private LeaseProxyVerticle proxy;
  private String proxyDeployment;

  private LocalEgressRig(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts coordinator, lease, host and client, and completes once both agents are connected. */
  public static Future<LocalEgressRig> start(Vertx vertx, Path dataDir, Settings settings) {
    return startCoordinator(vertx, dataDir).compose(rig -> rig.admin.createLease(new JsonObject())
        .compose(created -> rig.bridge(created, settings)).map(rig));
  }

  /** Starts the embedded coordinator alone; {@link #bridge} later connects a lease's egress. */
  public static Future<LocalEgressRig> startCoordinator(Vertx vertx, Path dataDir) {
    LocalEgressRig rig = new LocalEgressRig(vertx);
    CoordinatorOptions options = new CoordinatorOptions().setHost("127.0.0.1").setPort(0)
        .setDataDir(dataDir);
    rig.loginLinks = new LoginLinks(vertx, options.getClock(),
        LoginLinks.DEFAULT_LIFETIME);
    rig.coordinator = new CoordinatorVerticle(options.addRouteContributor(
        new PortalRoutes().withLoginLinks(rig.loginLinks)));
    return rig.deploy(rig.coordinator).map(v -> {
      rig.hostCoordinator = rig.coordinator.baseUri();
      rig.clientCoordinator = rig.hostCoordinator;
      rig.admin = new CoordinatorClient(vertx, rig.coordinator.baseUri(),
          rig.coordinator.adminToken(), null);
      return rig;
    });
  }

  /**
   * Host and lease proxy for a new lease on coordinators running elsewhere, e.g. two nodes of a
   * cluster: the host connects to {@code hostNode} (and tickets are minted there), the proxy to
   * {@code clientNode}. Stopping the rig stops the agents only.
   */
  public static Future<LocalEgressRig> onNodes(Vertx vertx, URI hostNode, URI clientNode,
      String adminToken, Settings settings) {
    LocalEgressRig rig = new LocalEgressRig(vertx);
    rig.hostCoordinator = hostNode;
    rig.clientCoordinator = clientNode;
    rig.admin = new CoordinatorClient(vertx, hostNode, adminToken, null);
    return rig.admin.createLease(new JsonObject())
        .compose(created -> rig.bridge(created, settings)).map(rig);
  }

  /**
   * Starts the egress host and the lease proxy for {@code leaseJson} (an API lease object) and
   * completes once both are connected.
   */
  public Future<Void> bridge(JsonObject leaseJson, Settings settings) {
    lease = leaseJson;
    return startHost(settings).compose(v -> startProxy(settings));
  }

  private Future<Void> startHost(Settings settings) {
    Allowlist allowlist;
    try {
      allowlist = Allowlist.of(List.of(), settings.allow());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    host = new EgressHostVerticle(new EgressHostOptions()
        .setCoordinator(hostCoordinator)
        .setLease(leaseId())
        .setAllowlist(allowlist)
        .setAllowPrivateDestinations(settings.allowPrivateDestinations())
        .setWireVersion(settings.hostWire())
        .setTicketSource(TicketSource.minting(admin, leaseId(), "host", null, null, allowlist.entries())));
    return deploy(host).compose(id -> {
      hostDeployment = id;
      return host.connected();
    }).mapEmpty();
  }

  private Future<Void> startProxy(Settings settings) {
    proxy = new LeaseProxyVerticle(new LeaseProxyOptions()
        .setCoordinator(clientCoordinator)
        .setLease(leaseId())
        .setListen(new ListenAddress("127.0.0.1", 0))
        .setWireVersion(settings.clientWire())
        .setTicketSource(TicketSource.minting(admin, leaseId(), "client", null, null, List.of())));
    return deploy(proxy).compose(id -> {
      proxyDeployment = id;
      return proxy.connected();
    }).mapEmpty();
  }

  private Future<String> deploy(io.vertx.core.Deployable verticle) {
    return vertx.deployVerticle(verticle).map(id -> {
      deployments.add(0, id);
      return id;
    });
  }

  public CoordinatorVerticle coordinator() {
    return coordinator;
  }

  /** The portal's address on the embedded coordinator. */
  public String portalUrl() {
    return coordinator.baseUri() + PortalRoutes.PATH;
  }

  /** A one-use, short-lived link that signs a browser in to the portal as the admin. */
  public Future<String> adminLoginLink() {
    return loginLinks.mint(new Caller(CoordinatorKeys.ADMIN_OWNER, "", Role.ADMIN))
        .map(link -> coordinator.baseUri() + link);
  }

  public LoginLinks loginLinks() {
    return loginLinks;
  }

  public CoordinatorClient admin() {
    return admin;
  }

  public String leaseId() {
    return lease.getString("id");
  }

  public String leaseSlug() {
    return lease.getString("slug");
  }

  public EgressHostVerticle host() {
    return host;
  }

  public LeaseProxyVerticle proxy() {
    return proxy;
  }

  public int proxyPort() {
    return proxy.actualPort();
  }

  /** Stops the egress host alone, as when the operator presses Ctrl-C on {@code egress host}. */
  public Future<Void> stopHost() {
    deployments.remove(hostDeployment);
    return vertx.undeploy(hostDeployment);
  }

  /** Stops the lease proxy alone, freeing the client role of the session. */
  public Future<Void> stopProxy() {
    deployments.remove(proxyDeployment);
    return vertx.undeploy(proxyDeployment);
  }

  /** Undeploys client, host and coordinator, in that order. */
  public Future<Void> stop() {
    Future<Void> chain = admin == null ? Future.succeededFuture() : admin.close();
    for (String id : deployments) {
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain;
  }
}
