package dev.crabbox.cli.work;

import dev.crabbox.cli.agent.BrowserOpener;
import dev.crabbox.cli.agent.LeaseAgentInstaller;
import dev.crabbox.cli.egress.start.AgentJar;
import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.cli.ssh.ShellWords;
import dev.crabbox.protocol.api.BridgeTicket;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import dev.crabbox.protocol.capability.LeaseTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code crabbox webvnc} and {@code crabbox code} do: mint a lease bridge ticket (the
 * coordinator checks the caller may use the lease and that it has the capability), start the
 * lease bridge agent of that kind on the lease over SSH, wait until it reports connected, and
 * print (and with {@code --open}, open) the portal URL.
 */
public final class LeaseBridgeLaunch {

  static final Duration CONNECT_WAIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final int LOG_LINES = 20;

  private final LeaseBridgeKind kind;
  private final String command;

  private LeaseBridgeLaunch(LeaseBridgeKind kind, String command) {
    this.kind = kind;
    this.command = command;
  }

  /** The helper's log on the lease. */
  String log() {
    return "/tmp/crabbox-bridge-" + kind.wire() + ".log";
  }

  /** The helper's name on the lease (its pid and ticket files). */
  String helper() {
    return "bridge-" + kind.wire();
  }

  /** The portal page of the bridge: {@code /portal/leases/{slug}/vnc} or {@code …/code/}. */
  static URI portalUrl(URI coordinator, String slug, LeaseBridgeKind kind) {
    String base = coordinator.toString().replaceAll("/+$", "");
    return URI.create(base + "/portal/leases/" + slug + (kind == LeaseBridgeKind.VNC ? "/vnc" : "/code/"));
  }

  /** The launch of {@code kind}'s lease bridge agent, named {@code command} in messages. */
  public static LeaseBridgeLaunch of(LeaseBridgeKind kind, String command) {
    return new LeaseBridgeLaunch(kind, command);
  }

  /**
   * Starts the bridge agent on the lease over SSH, waits until it is connected, prints the portal
   * page (and opens it with {@code open}); 0 when connected.
   */
  public int run(CoordinatorSession session, OperatorKey key, String leaseRef, boolean open,
      PrintWriter out, PrintWriter err) throws IOException {
    LeaseView lease = session.call(client -> client.getLease(leaseRef).compose(LeaseFacts::read));
    if (LeaseFacts.target(lease) != LeaseTarget.LINUX) {
      throw new FatalSetupException(command + " needs a Linux lease; " + lease.slug() + " is "
          + lease.target());
    }
    var ssh = LeaseFacts.requireSsh(lease);
    BridgeTicket ticket = session.call(client -> client.mintBridgeTicket(lease.id(), kind.wire()));
    URI coordinator = session.target().baseUri();
    AgentJar jar = AgentJar.carried();
    try (LeaseShell shell = LeaseShell.connect(ssh, key, SshSteps.CONNECT_TIMEOUT)) {
      LeaseAgentInstaller installer = new LeaseAgentInstaller(shell);
      installer.requireJava(command);
      installer.install(jar);
      String arguments = "bridge " + kind.wire() + " --coordinator " + ShellWords.quote(coordinator.toString())
          + " --lease " + ShellWords.quote(lease.id());
      installer.start(helper(), jar, arguments, ticket.ticket(), log());
      try {
        awaitConnected(installer, lease.slug());
      } finally {
        installer.forgetTicket(helper());
      }
    }
    URI url = portalUrl(coordinator, lease.slug(), kind);
    out.println(command + ": the lease bridge agent for " + lease.slug() + " is connected");
    out.println(url);
    out.flush();
    if (open) {
      Optional<String> refused = BrowserOpener.open(url);
      refused.ifPresent(reason -> {
        err.println(command + ": " + reason);
        err.flush();
      });
    }
    return 0;
  }

  private void awaitConnected(LeaseAgentInstaller installer, String slug) throws IOException {
    Instant deadline = Instant.now().plus(CONNECT_WAIT);
    String marker = "lease bridge " + kind.wire() + ": connected";
    while (true) {
      LeaseAgentInstaller.Progress progress = installer.progress(helper(), log(), marker);
      if (progress == LeaseAgentInstaller.Progress.READY) {
        return;
      }
      if (progress == LeaseAgentInstaller.Progress.EXITED || Instant.now().isAfter(deadline)) {
        throw new FatalSetupException(didNotConnect(installer, slug,
            progress == LeaseAgentInstaller.Progress.EXITED));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FatalSetupException(command + " was interrupted");
      }
    }
  }

  private String didNotConnect(LeaseAgentInstaller installer, String slug, boolean exited) throws IOException {
    StringBuilder message = new StringBuilder("the lease bridge agent did not connect to the coordinator")
        .append(exited ? " (it exited)" : "")
        .append("\nInspect the remote helper log:\n  crabbox ssh --id ").append(slug)
        .append(" -- cat ").append(log());
    String tail = installer.tail(log(), LOG_LINES);
    if (!tail.isEmpty()) {
      message.append("\nLast lines of ").append(log()).append(":");
      tail.lines().forEach(line -> message.append("\n  ").append(line));
    }
    return message.toString();
  }
}
