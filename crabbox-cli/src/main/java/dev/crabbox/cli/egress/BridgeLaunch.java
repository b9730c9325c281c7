package dev.crabbox.cli.egress;

import dev.crabbox.agent.BridgeAgentOptions;
import dev.crabbox.agent.BridgeAgentVerticle;
import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorTarget;
import dev.crabbox.cli.runtime.DeployedService;
import dev.crabbox.cli.runtime.RunningService;
import dev.crabbox.cli.runtime.VertxRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One run of {@code egress host} or {@code egress client}, as both resolve it from their flags
 * before any network traffic: the lease and session, the coordinator, the wire format and the
 * credentials (a fixed {@code --ticket}, or the configured token to mint tickets with). Then it
 * fills the agent options both share and runs the agent until shutdown or a fatal bridge error.
 */
final class BridgeLaunch {
  private final CommandSpec spec;
  private final String role;
  private final String lease;
  private final String session;
  private final WireVersion wire;
  private final CliEnvironment environment;
  private final CoordinatorTarget target;
  private final String ticket;
  private final String token;

  private BridgeLaunch(CommandSpec spec, String role, String lease, String session, WireVersion wire,
      CliEnvironment environment, CoordinatorTarget target, String ticket, String token) {
    this.spec = spec;
    this.role = role;
    this.lease = lease;
    this.session = session;
    this.wire = wire;
    this.environment = environment;
    this.target = target;
    this.ticket = ticket;
    this.token = token;
  }

  /**
   * Checks the bridge flags, resolves the coordinator and credentials, and prints the provider note.
   * Throws the usual usage and configuration errors, before any network traffic.
   */
  static BridgeLaunch resolve(CommandSpec spec, String role, String lease, BridgeFlags bridge,
      CoordinatorFlags coordinator) {
    String session = bridge.session();
    CliEnvironment environment = CliEnvironment.of(spec);
    CliSettings settings = environment.settings();
    CoordinatorTarget target = coordinator.resolve(settings);
    String ticket = bridge.ticket();
    String token = ticket == null ? settings.requireToken(null) : null;
    ProviderNote.print(spec, coordinator, target, lease);
    return new BridgeLaunch(spec, role, lease, session, bridge.wire(), environment, target, ticket, token);
  }

  /** Runs {@code starter}'s service until SIGINT/SIGTERM or its failure; returns the exit code. */
  int runUntilShutdown(Function<Vertx, Future<RunningService>> starter) {
    return VertxRuntime.runUntilShutdown(environment.shutdown(), starter);
  }

  /**
   * {@code options} with the shared bridge settings filled in: coordinator, lease, session, wire,
   * TLS, and tickets — the fixed one, or minted for {@code profile} and {@code allow} entries.
   */
  <O extends BridgeAgentOptions<O>> O bridgeOptions(Vertx vertx, O options, String profile, List<String> allow) {
    return options
        .setCoordinator(target.baseUri())
        .setLease(lease)
        .setSessionId(session)
        .setTicketSource(tickets(vertx, profile, allow))
        .setWireVersion(wire)
        .setClientTls(target.tls())
        .setCoordinatorHeaders(target.headers());
  }

  /** Prints {@code banner} at every connect and each drop, on the command's streams. */
  BridgeEvents events(Function<BridgeSession, String> banner) {
    return new BridgeEvents(role, spec.commandLine().getOut(), spec.commandLine().getErr(), banner);
  }

  /** The deployed agent as a service that fails with {@link BridgeFatalException} when its bridge gives up. */
  Future<RunningService> untilFatal(Vertx vertx, Future<String> deployment, BridgeAgentVerticle<?> agent) {
    return deployment.<RunningService>map(deploymentId -> new DeployedService(vertx, deploymentId, agent.fatal()
        .compose(failure -> Future.failedFuture(new BridgeFatalException(role, failure)))));
  }

  private TicketSource tickets(Vertx vertx, String profile, List<String> allow) {
    return ticket != null
        ? TicketSource.fixed(ticket)
        : TicketSource.minting(target.client(vertx, token),
            lease, role, session, profile, allow);
  }
}
