package dev.crabbox.cli.egress;

import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.agent.host.EgressHostOptions;
import dev.crabbox.agent.host.EgressHostVerticle;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorTarget;
import dev.crabbox.cli.runtime.DeployedService;
import dev.crabbox.cli.runtime.RunningService;
import dev.crabbox.cli.runtime.VertxRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox egress host}: runs the operator-side bridge that dials allowlisted destinations for
 * the lease, until SIGINT/SIGTERM or a fatal bridge error (exit 4). Refuses to start without an
 * allowlist, before any network traffic.
 */
@Command(name = "host",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Run only the local egress host bridge",
    footer = {"", "Built-in profiles: discord, slack. Wildcard entries (*.example.com) match the named "
        + "domain and its subdomains."})
public final class EgressHostCommand implements Callable<Integer> {
  static final String ROLE = "host";

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseSelector lease;

  @Option(names = "--profile", paramLabel = "<name>",
      description = "Built-in allowlist profile (discord, slack); repeatable, merged with --allow.")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--allow", paramLabel = "<patterns>",
      description = "Comma-separated host patterns such as example.com,*.example.com (no ports); repeatable.")
  List<String> allow = new ArrayList<>();

  @Option(names = "--allow-private-destinations",
      description = "Also dial private, loopback and link-local addresses (tests and local demos only).")
  boolean allowPrivateDestinations;

  @Mixin
  CoordinatorFlags coordinator;

  @Mixin
  BridgeFlags bridge;

  @Override
  public Integer call() {
    String leaseRef = lease.lease();
    HostAllowlist allowlist = HostAllowlist.of(profiles, allow);
    String session = bridge.session();
    CliEnvironment environment = CliEnvironment.of(spec);
    CliSettings settings = environment.settings();
    CoordinatorTarget target = coordinator.resolve(settings);
    String ticket = bridge.ticket();
    String token = ticket == null ? settings.requireToken(null) : null;
    PrintWriter err = spec.commandLine().getErr();
    ProviderNote.print(spec, coordinator, target, leaseRef);
    if (allowPrivateDestinations) {
      err.println("crabbox: warning: private destinations allowed (--allow-private-destinations): the egress "
          + "host also dials loopback, private and link-local addresses; use it for tests and local demos only");
      err.flush();
    }
    return VertxRuntime.runUntilShutdown(environment.shutdown(),
        vertx -> start(vertx, leaseRef, session, allowlist, target, ticket, token));
  }

  private Future<RunningService> start(Vertx vertx, String leaseRef, String session, HostAllowlist allowlist,
      CoordinatorTarget target, String ticket, String token) {
    TicketSource tickets = ticket != null
        ? TicketSource.fixed(ticket)
        : TicketSource.minting(new CoordinatorClient(vertx, target.baseUri(), token, target.tls()),
            leaseRef, ROLE, session, allowlist.profileLabel(), allowlist.explicitEntries());
    EgressHostOptions options = new EgressHostOptions()
        .setCoordinator(target.baseUri())
        .setLease(leaseRef)
        .setSessionId(session)
        .setAllowlist(allowlist.allowlist())
        .setProfile(allowlist.profileLabel())
        .setAllowPrivateDestinations(allowPrivateDestinations)
        .setTicketSource(tickets)
        .setWireVersion(bridge.wire())
        .setClientTls(target.tls())
        .setBridgeListener(new BridgeEvents(ROLE, spec.commandLine().getOut(), spec.commandLine().getErr(),
            connected -> banner(connected, allowlist)));
    EgressHostVerticle verticle = new EgressHostVerticle(options);
    return vertx.deployVerticle(verticle)
        .<RunningService>map(deploymentId -> new DeployedService(vertx, deploymentId, verticle.fatal()
            .compose(failure -> Future.failedFuture(new BridgeFatalException(ROLE, failure)))));
  }

  static String banner(BridgeSession session, HostAllowlist allowlist) {
    return String.format("egress host: connected lease=%s session=%s profile=%s allow=%s",
        StatusLine.orDash(session.leaseId()), StatusLine.orDash(session.sessionId()),
        StatusLine.orDash(allowlist.profileLabel()), StatusLine.joined(allowlist.explicitEntries()));
  }
}
