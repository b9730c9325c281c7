package dev.crabbox.coordinator;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import dev.crabbox.coordinator.auth.CoordinatorKeys;
import dev.crabbox.coordinator.auth.JwtTokenVerifier;
import dev.crabbox.coordinator.bridge.LeaseBridgeRoutes;
import dev.crabbox.coordinator.bridge.LeaseBridgeService;
import dev.crabbox.coordinator.bridge.LeaseBridges;
import dev.crabbox.coordinator.bridge.RemoteBridges;
import dev.crabbox.coordinator.cluster.CoordinatorCluster;
import dev.crabbox.coordinator.cluster.NodeHealth;
import dev.crabbox.coordinator.egress.EgressRoutes;
import dev.crabbox.coordinator.egress.EgressService;
import dev.crabbox.coordinator.egress.EgressSessions;
import dev.crabbox.coordinator.egress.SessionPlacement;
import dev.crabbox.coordinator.http.ErrorHandlers;
import dev.crabbox.coordinator.http.ServerOptionsFactory;
import dev.crabbox.coordinator.http.SystemRoutes;
import dev.crabbox.coordinator.lease.LeaseEvents;
import dev.crabbox.coordinator.lease.LeaseExpirySweeper;
import dev.crabbox.coordinator.lease.LeaseProvisioner;
import dev.crabbox.coordinator.lease.LeaseRoutes;
import dev.crabbox.coordinator.lease.WorkLocks;
import dev.crabbox.coordinator.metrics.CoordinatorMetrics;
import dev.crabbox.coordinator.provider.BuiltInProviders;
import dev.crabbox.coordinator.provider.LeaseProviders;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.lease.LeaseService;
import dev.crabbox.coordinator.run.RunRoutes;
import dev.crabbox.coordinator.run.RunService;
import dev.crabbox.coordinator.runner.RunnerRoutes;
import dev.crabbox.coordinator.runner.RunnerService;
import dev.crabbox.coordinator.store.CoordinatorStore;
import dev.crabbox.coordinator.store.H2Store;
import dev.crabbox.coordinator.store.PgStore;
import dev.crabbox.coordinator.store.StoreKind;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator: HTTP API {@code /v1}, bearer-token auth, the lease store, and the egress
 * bridge. Embeddable like any verticle: {@code vertx.deployVerticle(new
 * CoordinatorVerticle(options))}. Start creates the data directory, keys and admin token when
 * absent, migrates the database and listens. On undeploy the bridge sockets close first (1001,
 * by the session actors), then the server and the store.
 *
 * <p>On a clustered Vert.x (Hazelcast) the coordinator joins its cluster of coordinators: lease
 * work is guarded by cluster locks, each egress session gets one owner node, and sockets landing
 * elsewhere are relayed to it (see {@code dev.crabbox.coordinator.cluster}).
 */
public final class CoordinatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorVerticle.class);
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final CoordinatorOptions options;
  private CoordinatorKeys keys;
  private CoordinatorStore store;
  private LeaseExpirySweeper sweeper;
  private LeaseProviders providers;
  private LeaseProvisioner provisioner;
  private EgressService egress;
  private LeaseBridges leaseBridges;
  private MessageConsumer<JsonObject> leaseEnded;
  private MessageConsumer<JsonObject> leaseAccessChanged;
  private HttpServer server;
  private CoordinatorMetrics metrics;
  /** Null unless Vert.x runs clustered. */
  private CoordinatorCluster cluster;

  public CoordinatorVerticle(CoordinatorOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public Future<?> start() {
    options.validate();
    return vertx.executeBlocking(() -> CoordinatorKeys.loadOrCreate(options.getDataDir(),
            options.getClock()))
        .compose(loaded -> {
          keys = loaded;
          return openStore();
        })
        .compose(opened -> {
          store = opened;
          metrics = CoordinatorMetrics.create();
          return vertx.isClustered()
              ? CoordinatorCluster.join(vertx, options, keys, metrics).map(joined -> cluster = joined)
              : Future.succeededFuture();
        })
        .compose(joined -> {
          return LeaseProviders.create(providerContext(), options.getProvidersConfig(),
              options.getProviderFactories());
        })
        .compose(built -> {
          providers = built;
          provisioner = new LeaseProvisioner(store, providers, options.getClock(), workLocks());
          return listen(buildRouter());
        })
        .compose(listening -> cluster == null ? Future.succeededFuture()
            : cluster.announce(listening.actualPort()))
        .compose(listening -> provisioner.resume())
        .onSuccess(resumed -> {
          sweeper.start();
          announce();
        })
        .onFailure(failure -> {
          Future<Void> closed = providers == null ? Future.succeededFuture() : providers.close();
          closed.onComplete(done -> {
            if (server != null) {
              server.close();
            }
            if (cluster != null) {
              cluster.leave();
            }
            if (store != null) {
              store.close();
            }
          });
        });
  }

  private Future<CoordinatorStore> openStore() {
    return options.getStore() == StoreKind.POSTGRES
        ? PgStore.open(vertx, options.getPostgresUrl()).map(CoordinatorStore.class::cast)
        : H2Store.open(vertx, options.getDataDir()).map(CoordinatorStore.class::cast);
  }

  private WorkLocks workLocks() {
    return cluster == null ? WorkLocks.NONE : cluster.workLocks();
  }

  private ProviderContext providerContext() {
    JsonObject config = options.getProvidersConfig();
    return new ProviderContext(vertx, new JsonObject(), options.getEnv(), options.getDataDir(),
        options.getClock(), BuiltInProviders.bootstrap(config.getJsonObject("bootstrap")));
  }

  private Router buildRouter() {
    JwtTokenVerifier verifier = new JwtTokenVerifier(vertx, keys);
    BearerAuthHandler auth = new BearerAuthHandler(verifier);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    LeaseService leases = new LeaseService(store, options, vertx.eventBus(), providers,
        provisioner);
    EgressSessions sessions = new EgressSessions(vertx, options.getPingInterval(),
        options.getIdleTimeout(), metrics);
    SessionPlacement local = SessionPlacement.local(sessions);
    egress = new EgressService(store, leases, sessions,
        cluster == null ? local : cluster.placement(local, sessions), options);
    leaseBridges = new LeaseBridges(vertx, options.getPingInterval(), options.getIdleTimeout(),
        cluster == null ? RemoteBridges.NONE : cluster.remoteBridges());
    LeaseBridgeService bridges = new LeaseBridgeService(store, leases, leaseBridges, options);
    // Not a local consumer: in a cluster a lease released on one node ends sockets on all.
    leaseEnded = vertx.eventBus().consumer(LeaseEvents.ENDED, message -> {
      egress.onLeaseEnded(message.body());
      bridges.onLeaseEnded(message.body());
      leases.sockets().forget(message.body().getString("leaseId"));
      if (cluster != null) {
        cluster.leaseEnded(message.body().getString("leaseId"));
      }
    });
    leaseAccessChanged = vertx.eventBus().consumer(LeaseEvents.ACCESS_CHANGED, message -> {
      String leaseId = message.body().getString("leaseId");
      leases.onAccessChanged(leaseId).onFailure(failure -> LOG.warn(
          "re-checking socket access of lease {} failed: {}", leaseId, failure.toString()));
    });
    sweeper = new LeaseExpirySweeper(vertx, store, leases, provisioner, options.getClock(),
        options.getSweepInterval(), options.getProvisionTimeout(), workLocks());

    Router router = Router.router(vertx);
    ErrorHandlers.install(router);
    new SystemRoutes(auth, options.getClock(), NodeHealth.of(store, cluster)).mount(router);
    router.get("/metrics").handler(metrics.scrapeHandler());
    if (cluster != null) {
      cluster.mount(router, local, leaseBridges);
    }
    new LeaseRoutes(leases, auth, body).mount(router);
    new EgressRoutes(egress, auth, body, options.isTicketQueryFallback()).mount(router);
    new LeaseBridgeRoutes(bridges, auth, body, options.isTicketQueryFallback()).mount(router);
    RunService runs = new RunService(store, leases, options.getRunLogLimit());
    new RunRoutes(runs, auth, body).mount(router);
    RunnerService runners = new RunnerService(store, options.getClock());
    new RunnerRoutes(runners, auth, body).mount(router);
    CoordinatorServices services = new CoordinatorServices(vertx, options, store, verifier, keys,
        new CoordinatorServices.Domain(leases, runs, runners, egress, bridges));
    options.getRouteContributors().forEach(contributor -> contributor.contribute(router, services));
    return router;
  }

  private Future<HttpServer> listen(Router router) {
    return vertx.createHttpServer(ServerOptionsFactory.create(options))
        .requestHandler(router)
        .listen()
        .onSuccess(listening -> server = listening);
  }

  private void announce() {
    LOG.info("coordinator listening on {} (data {}, store {})", baseUri(), options.getDataDir(),
        options.describeStore());
    if (keys.created()) {
      String url = options.getPublicUrl() != null ? options.getPublicUrl() : baseUri().toString();
      System.err.println("crabbox coordinator: first start; admin token written to "
          + keys.adminTokenFile() + " (owner-only)");
      System.err.println("crabbox coordinator: log in with: crabbox login --coordinator " + url
          + " --token \"$(cat " + keys.adminTokenFile() + ")\"");
    }
  }

  /**
   * Vert.x has already undeployed the egress session actors, which are children of this
   * deployment, and each closed its bridge sockets (1001) on the way out. What is left belongs
   * to this verticle: no more sweeps (waiting for one under way), no more lease-ended events,
   * no more requests, and the store last, once the egress work under way no longer uses it.
   */
  @Override
  public Future<?> stop() {
    Future<Void> swept = sweeper == null ? Future.succeededFuture() : sweeper.stop();
    return swept
        .eventually(() -> cluster == null ? Future.succeededFuture() : cluster.leave())
        .eventually(() -> leaseEnded == null ? Future.succeededFuture() : leaseEnded.unregister())
        .eventually(() -> leaseAccessChanged == null ? Future.succeededFuture()
            : leaseAccessChanged.unregister())
        .eventually(() -> leaseBridges == null ? Future.succeededFuture() : leaseBridges.close())
        .eventually(() -> server == null ? Future.succeededFuture() : server.close())
        .eventually(() -> egress == null ? Future.succeededFuture() : egress.drained())
        .eventually(() -> providers == null ? Future.succeededFuture() : providers.close())
        .eventually(() -> store == null ? Future.succeededFuture() : store.close());
  }

  /** The port the server listens on (useful with port 0); valid after start. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("coordinator not started");
    }
    return server.actualPort();
  }

  /** The admin bearer token; valid after start. */
  public String adminToken() {
    if (keys == null) {
      throw new IllegalStateException("coordinator not started");
    }
    return keys.adminToken();
  }

  /** The keys of this coordinator (mint user tokens with them); valid after start. */
  public CoordinatorKeys keys() {
    return keys;
  }

  /** {@code http(s)://host:port} of the listening server; a wildcard host becomes 127.0.0.1. */
  public URI baseUri() {
    String host = options.getHost();
    if ("0.0.0.0".equals(host) || "::".equals(host) || "[::]".equals(host)) {
      host = "127.0.0.1";
    }
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create((options.isTls() ? "https" : "http") + "://" + host + ":" + actualPort());
  }
}
