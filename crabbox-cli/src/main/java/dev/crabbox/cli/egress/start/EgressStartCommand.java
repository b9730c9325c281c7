package dev.crabbox.cli.egress.start;

import dev.crabbox.agent.api.EgressTicket;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.Main;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.egress.AllowlistFlags;
import dev.crabbox.cli.egress.HostAllowlist;
import dev.crabbox.cli.egress.LeaseSelector;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.cli.work.LeaseFacts;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.id.Ids;
import dev.crabbox.protocol.net.ListenAddress;
import dev.crabbox.protocol.net.ListenAddressException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox egress start}: the orchestrated egress of spec 001. Resolves the lease, starts
 * the lease-side {@code egress client} over SSH (Java check, helper upload, fresh client ticket),
 * waits for its proxy to listen, then runs the host bridge here, in the foreground or under a
 * supervisor daemon ({@code --daemon}). Refusals that need no network come first.
 */
@Command(name = "start",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Start a remote lease proxy and local host bridge",
    footer = {"", "Built-in profiles: discord, slack. --profile and --allow merge."})
public final class EgressStartCommand implements Callable<Integer> {
  static final String OPEN_PROXY_REFUSAL =
      "egress start requires --profile or --allow; refusing to start an open proxy";
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration SSH_TIMEOUT = Duration.ofSeconds(15);

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseSelector lease;

  @Mixin
  AllowlistFlags destinations;

  @Option(names = "--listen", paramLabel = "<host:port>", defaultValue = "127.0.0.1:3128",
      description = "Lease-local proxy address; loopback only. Default: ${DEFAULT-VALUE}.")
  String listen;

  @Option(names = "--daemon",
      description = "Run the local host bridge in the background under a supervisor.")
  boolean daemon;

  @Option(names = "--target", paramLabel = "linux", defaultValue = "linux",
      description = "Lease target; egress start supports linux only. Default: ${DEFAULT-VALUE}.")
  String target;

  @Option(names = "--network", paramLabel = "auto|tailscale|public", defaultValue = "auto",
      description = "Which lease address SSH uses: the tailnet address (tailscale), the public one, or the "
          + "tailnet address when the lease has one (auto). Default: ${DEFAULT-VALUE}.")
  String network;

  @Option(names = "--allow-private-destinations",
      description = "Let the host bridge dial private, loopback and link-local addresses (tests and local "
          + "demos only).")
  boolean allowPrivateDestinations;

  @Mixin
  CoordinatorFlags coordinator;

  @Override
  public Integer call() throws IOException {
    String leaseRef = lease.lease();
    if (destinations.isEmpty()) {
      throw new UsageException(OPEN_PROXY_REFUSAL);
    }
    HostAllowlist allowlist = destinations.allowlist();
    ListenAddress listenAddress = parseListen(listen);
    NetworkChoice networkChoice = NetworkChoice.parse(network);
    if (!LeaseTarget.LINUX.name().equalsIgnoreCase(target.trim())) {
      throw new UsageException(linuxOnly(target.trim().toLowerCase(Locale.ROOT)));
    }
    CliEnvironment environment = CliEnvironment.of(spec);
    CliSettings settings = environment.settings();
    refuseAccessHeaders(settings);
    CoordinatorSession session = coordinator.session(spec);
    OperatorKey key = OperatorKey.resolve(settings);

    JsonObject leaseJson = session.call(client -> client.getLease(leaseRef));
    LeaseView view = LeaseFacts.read(leaseJson).await();
    LeaseTarget leaseTarget = LeaseFacts.target(view);
    if (leaseTarget != LeaseTarget.LINUX) {
      throw new UsageException(linuxOnly(leaseTarget.name().toLowerCase(Locale.ROOT)));
    }
    DaemonFiles files = DaemonFiles.of(environment, view.id());
    if (daemon) {
      files.runningSupervisor().ifPresent(running -> {
        throw new UsageException("an egress host daemon for lease " + view.slug() + " is already running (pid "
            + running.pid() + "); stop it first with `crabbox egress stop --id " + view.slug() + "`");
      });
    }
    LeaseMachine.Ssh ssh = networkChoice.pick(LeaseFacts.requireSsh(view), leaseJson);
    String sessionId = Ids.newSessionId(new SecureRandom());
    PrintWriter out = spec.commandLine().getOut();

    startLeaseClient(settings, session, key, ssh, view, sessionId, listenAddress, leaseRef);
    out.printf("egress start: lease proxy listening on %s on lease %s (session %s)%n", listenAddress,
        view.slug(), sessionId);
    out.flush();

    List<String> hostArgs = hostArgs(view.id(), sessionId, session, allowlist);
    if (!daemon) {
      nextSteps(out, view.slug(), listenAddress, allowlist);
      out.println("egress start: running the host bridge in the foreground; Ctrl-C stops it (the lease proxy "
          + "keeps running until `crabbox egress stop --id " + view.slug() + "`)");
      out.flush();
      return runHostHere(environment, hostArgs);
    }
    ProcessHandle supervisor = HostDaemon.start(environment, files, hostArgs);
    out.printf("egress start: host bridge daemon running (pid %d); log: %s%n", supervisor.pid(), files.log());
    new BridgeWait(session, view.id(), files).reportConnected(out, spec.commandLine().getErr());
    nextSteps(out, view.slug(), listenAddress, allowlist);
    out.flush();
    return ExitCodes.OK;
  }

  /** Steps 2 and 3: Java, helper jar, old client stopped, fresh ticket, client started, listening. */
  private void startLeaseClient(CliSettings settings, CoordinatorSession session, OperatorKey key,
      LeaseMachine.Ssh ssh, LeaseView view, String sessionId, ListenAddress listenAddress, String leaseRef)
      throws IOException {
    AgentJar jar = AgentJar.carried();
    try (LeaseShell shell = LeaseShell.connect(ssh, key, SSH_TIMEOUT)) {
      LeaseEgressClient client = new LeaseEgressClient(shell);
      client.requireJava();
      client.install(jar);
      client.stop();
      // Minted last: the ticket is short-lived and one-use, and only the client started below uses it.
      EgressTicket ticket = session.call(api -> api.mintEgressTicket(view.id(), "client", sessionId, null, List.of()));
      client.start(jar, session.target().baseUri(), view.id(), sessionId, listenAddress.toString(), ticket.ticket(),
          coordinatorCa(settings));
      try {
        client.awaitListening(listenAddress.port(), LISTEN_TIMEOUT, POLL, leaseRef);
      } catch (RuntimeException notListening) {
        // A client that is still starting would hold a session nobody serves; its log stays for reading.
        client.stop();
        throw notListening;
      }
    }
  }

  /** The PEM of the private CA this CLI trusts for the coordinator ({@code --ca} or config), or null. */
  private byte[] coordinatorCa(CliSettings settings) throws IOException {
    Optional<Path> ca = settings.caFile(coordinator.caFlag());
    return ca.isPresent() ? Files.readAllBytes(ca.get()) : null;
  }

  /** {@code egress host …} for this session: the same command whether run here or by the daemon. */
  private List<String> hostArgs(String leaseId, String sessionId, CoordinatorSession session,
      HostAllowlist allowlist) {
    List<String> args = new ArrayList<>(List.of("egress", "host", "--id", leaseId, "--session", sessionId,
        "--coordinator", session.target().baseUri().toString()));
    if (coordinator.caFlag() != null) {
      args.addAll(List.of("--ca", coordinator.caFlag()));
    }
    if (allowlist.profileLabel() != null) {
      args.addAll(List.of("--profile", allowlist.profileLabel()));
    }
    if (!allowlist.explicitEntries().isEmpty()) {
      args.addAll(List.of("--allow", String.join(",", allowlist.explicitEntries())));
    }
    if (allowPrivateDestinations) {
      args.add("--allow-private-destinations");
    }
    return args;
  }

  private int runHostHere(CliEnvironment environment, List<String> hostArgs) {
    CommandLine host = new CommandLine(new Main(environment));
    host.setOut(spec.commandLine().getOut());
    host.setErr(spec.commandLine().getErr());
    return host.execute(hostArgs.toArray(String[]::new));
  }

  private static void nextSteps(PrintWriter out, String slug, ListenAddress listen, HostAllowlist allowlist) {
    String egress = allowlist.profileLabel() != null ? allowlist.profileLabel().split(",")[0] : "custom";
    out.printf("next: crabbox desktop launch --id %s --browser --url https://example.com --egress %s%s%n", slug,
        egress, "127.0.0.1:3128".equals(listen.toString()) ? "" : " --egress-proxy " + listen);
    out.printf("      (or point an app on the lease at http://%s), then `crabbox egress status --id %s`%n",
        listen, slug);
  }

  /**
   * Spec 001: the lease runs the client, so whatever the coordinator's route needs must not be
   * copied there. With {@code --coordinator}, the lease uses that route without the headers.
   */
  private void refuseAccessHeaders(CliSettings settings) {
    if (!settings.coordinatorHeaders().isEmpty() && !coordinator.coordinatorFlagGiven()) {
      throw new UsageException("egress start does not push coordinator access credentials onto a lease: "
          + settings.store().file() + " sets coordinatorHeaders (" + String.join(", ",
              settings.coordinatorHeaders().keySet()) + "). Pass --coordinator <url> with a route the lease "
          + "can reach without them, or run `crabbox egress client` and `crabbox egress host` yourself with a "
          + "credential plan that is safe for the lease");
    }
  }

  private static String linuxOnly(String target) {
    return "egress start supports Linux lease targets only (this one is " + target + "): it installs and runs "
        + "a Linux helper over POSIX shell. Set up the pieces yourself with `crabbox egress client` on the "
        + "lease and `crabbox egress host` here";
  }

  private static ListenAddress parseListen(String text) {
    try {
      return ListenAddress.parse(text);
    } catch (ListenAddressException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
