package dev.crabbox.cli.coordinator;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.runtime.DeployedService;
import dev.crabbox.cli.runtime.RunningService;
import dev.crabbox.cli.runtime.VertxRuntime;
import dev.crabbox.coordinator.CoordinatorOptions;
import dev.crabbox.coordinator.CoordinatorVerticle;
import dev.crabbox.coordinator.cluster.ClusterSettings;
import dev.crabbox.coordinator.cluster.CoordinatorVertx;
import dev.crabbox.coordinator.store.PostgresUrl;
import dev.crabbox.coordinator.store.StoreKind;
import dev.crabbox.portal.PortalRoutes;
import dev.crabbox.portal.config.PortalConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox coordinator serve}: runs a coordinator (API, egress bridges and the portal) with
 * its embedded store under {@code --data} (or on PostgreSQL with {@code --store postgres
 * --pg-url}), until SIGINT/SIGTERM; then undeploys it cleanly. With {@code --cluster} it joins
 * other coordinators (Hazelcast, PostgreSQL store) and serves any request any of them could.
 * {@code --print-token} prints the admin token instead (creating the keys on first use).
 */
@Command(name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Run a coordinator (HTTP API, egress bridges and portal) until interrupted.")
public final class CoordinatorServeCommand implements Callable<Integer> {
  /** Environment variable with the PostgreSQL password (keeps it off the command line). */
  public static final String PG_PASSWORD_ENV = "CRABBOX_PG_PASSWORD";

  @Spec
  CommandSpec spec;

  @Mixin
  DataDirOption data;

  @Option(names = "--host", paramLabel = "<host>", defaultValue = CoordinatorOptions.DEFAULT_HOST,
      description = "Interface to listen on; 0.0.0.0 accepts other machines. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", paramLabel = "<port>", defaultValue = "" + CoordinatorOptions.DEFAULT_PORT,
      description = "TCP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--tls-cert", paramLabel = "<pem-file>",
      description = "Certificate chain (PEM) to serve https/wss; needs --tls-key.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "<pem-file>",
      description = "Private key (PEM) matching --tls-cert.")
  Path tlsKey;

  @Option(names = "--print-token",
      description = "Print the admin bearer token on stdout and exit (creates it on first use).")
  boolean printToken;

  @Option(names = "--config", paramLabel = "<yaml-file>",
      description = "Coordinator config (providers: local, static hosts, hetzner, aws, bootstrap; "
          + "portal: github, gateway sign-in); see config/coordinator.example.yaml.")
  Path config;

  @Option(names = "--store", paramLabel = "<h2|postgres>", defaultValue = "h2",
      description = "Where leases, runs and credentials live: h2 (embedded, under --data) or "
          + "postgres (a PostgreSQL server, --pg-url). Default: ${DEFAULT-VALUE}.")
  String store;

  @Option(names = "--pg-url", paramLabel = "<url>",
      description = "PostgreSQL server for --store postgres: postgresql://user[:password]@host[:port]/"
          + "database. Without a password in the URL, " + PG_PASSWORD_ENV + " is used.")
  String pgUrl;

  @Option(names = "--cluster",
      description = "Join a cluster of coordinators (Hazelcast; needs --store postgres and the "
          + "same signing-key and admin-token files in every node's --data). See docs/cluster.md.")
  boolean cluster;

  @Option(names = "--cluster-host", paramLabel = "<address>",
      description = "Address the other nodes reach this one at (Hazelcast, event bus, relays). "
          + "Default: " + ClusterSettings.DEFAULT_HOST + ".")
  String clusterHost;

  @Option(names = "--cluster-port", paramLabel = "<port>",
      description = "Hazelcast member port. Default: " + ClusterSettings.DEFAULT_PORT + ".")
  Integer clusterPort;

  @Option(names = "--cluster-members", paramLabel = "<host:port,...>",
      description = "Members to join over TCP/IP (no multicast), e.g. 10.0.0.1:5701,10.0.0.2:5701.")
  String clusterMembers;

  @Option(names = "--no-ticket-query",
      description = "Refuse bridge tickets passed as ?ticket= (only headers are accepted).")
  boolean noTicketQuery;

  @Override
  public Integer call() {
    Path dataDir = data.dataDir();
    if (printToken) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(KeysLoader.load(dataDir, spec.commandLine().getErr()).adminToken());
      out.flush();
      return ExitCodes.OK;
    }
    CliEnvironment environment = CliEnvironment.of(spec);
    CoordinatorOptions options = options(dataDir, environment);
    ClusterSettings settings = clusterSettings(options);
    if (settings == null) {
      return VertxRuntime.runUntilShutdown(environment.shutdown(),
          () -> Future.succeededFuture(CoordinatorVertx.standalone()), vertx -> start(vertx, options));
    }
    return VertxRuntime.runUntilShutdown(environment.shutdown(),
        () -> CoordinatorVertx.clustered(settings).recover(failure -> Future.failedFuture(
            new FatalSetupException("cannot join the coordinator cluster as " + settings.host() + ":"
                + settings.port() + ": " + failure.getMessage(), failure))),
        vertx -> start(vertx, options));
  }

  /** The cluster to join, or null without --cluster; cluster flags alone are a usage error. */
  private ClusterSettings clusterSettings(CoordinatorOptions options) {
    if (!cluster) {
      if (clusterHost != null || clusterPort != null || clusterMembers != null) {
        throw new UsageException("--cluster-host, --cluster-port and --cluster-members need --cluster");
      }
      return null;
    }
    if (options.getStore() != StoreKind.POSTGRES) {
      throw new UsageException("--cluster needs --store postgres --pg-url ...: the nodes share "
          + "their leases, runs and credentials through PostgreSQL");
    }
    try {
      return new ClusterSettings(clusterHost == null ? ClusterSettings.DEFAULT_HOST : clusterHost,
          clusterPort == null ? ClusterSettings.DEFAULT_PORT : clusterPort,
          ClusterSettings.parseMembers(clusterMembers));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private CoordinatorOptions options(Path dataDir, CliEnvironment environment) {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535, got " + port);
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new UsageException("--tls-cert and --tls-key must be given together");
    }
    requireReadable(tlsCert, "--tls-cert");
    requireReadable(tlsKey, "--tls-key");
    StoreKind storeKind = storeKind();
    return new CoordinatorOptions()
        .setStore(storeKind)
        .setPostgresUrl(storeKind == StoreKind.POSTGRES ? postgresUrl(environment) : null)
        .setHost(host)
        .setPort(port)
        .setDataDir(dataDir)
        .setTlsCertPath(tlsCert == null ? null : tlsCert.toAbsolutePath())
        .setTlsKeyPath(tlsKey == null ? null : tlsKey.toAbsolutePath())
        .setTicketQueryFallback(!noTicketQuery)
        .setProvidersConfig(config == null ? null : CoordinatorConfigFile.providers(config))
        .addRouteContributor(portal(environment));
  }

  /** The portal with the sign-in methods of the config's portal: section and the environment. */
  private PortalRoutes portal(CliEnvironment environment) {
    try {
      return PortalConfig.routes(config == null ? null : CoordinatorConfigFile.portal(config),
          environment.variables());
    } catch (IllegalArgumentException e) {
      throw new UsageException((config == null ? "" : "--config " + config + ": ")
          + e.getMessage());
    }
  }

  private StoreKind storeKind() {
    StoreKind kind;
    try {
      kind = StoreKind.parse(store);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--store: " + e.getMessage());
    }
    if (kind == StoreKind.POSTGRES && (pgUrl == null || pgUrl.isBlank())) {
      throw new UsageException("--store postgres needs --pg-url postgresql://user@host:port/database");
    }
    if (kind != StoreKind.POSTGRES && pgUrl != null) {
      throw new UsageException("--pg-url is only used with --store postgres");
    }
    return kind;
  }

  /** The URL's password, else the environment's; a bad URL is a usage error that hides the password. */
  private PostgresUrl postgresUrl(CliEnvironment environment) {
    PostgresUrl url;
    try {
      url = PostgresUrl.parse(pgUrl);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--pg-url: " + e.getMessage());
    }
    String password = environment.variables().get(PG_PASSWORD_ENV);
    return url.hasPassword() || password == null || password.isEmpty()
        ? url : url.withPassword(password);
  }

  private Future<RunningService> start(Vertx vertx, CoordinatorOptions options) {
    CoordinatorVerticle verticle = new CoordinatorVerticle(options);
    return vertx.deployVerticle(verticle)
        .recover(failure -> Future.failedFuture(new FatalSetupException("coordinator failed to start on "
            + options.getHost() + ":" + options.getPort() + ": " + failure.getMessage(), failure)))
        .<RunningService>map(deploymentId -> {
          announce(verticle, options);
          return DeployedService.untilStopped(vertx, deploymentId);
        });
  }

  private void announce(CoordinatorVerticle verticle, CoordinatorOptions options) {
    // On a first start the coordinator itself says how to log in (the admin token file).
    PrintWriter err = spec.commandLine().getErr();
    err.printf("crabbox coordinator: listening on %s (data %s, store %s); stop with Ctrl-C%n",
        verticle.baseUri(), options.getDataDir(), options.describeStore());
    err.flush();
  }

  private static void requireReadable(Path file, String flag) {
    if (file != null && !Files.isReadable(file)) {
      throw new UsageException(flag + " " + file + " does not exist or is not readable");
    }
  }
}
