package dev.crabbox.cli.egress;

import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.host.EgressHostOptions;
import dev.crabbox.agent.host.EgressHostVerticle;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.runtime.RunningService;
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

  @Mixin
  AllowlistFlags destinations;

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
    HostAllowlist allowlist = destinations.allowlist();
    BridgeLaunch launch = BridgeLaunch.resolve(spec, ROLE, leaseRef, bridge, coordinator);
    if (allowPrivateDestinations) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("crabbox: warning: private destinations allowed (--allow-private-destinations): the egress "
          + "host also dials loopback, private and link-local addresses; use it for tests and local demos only");
      err.flush();
    }
    return launch.runUntilShutdown(vertx -> start(vertx, launch, allowlist));
  }

  private Future<RunningService> start(Vertx vertx, BridgeLaunch launch, HostAllowlist allowlist) {
    EgressHostOptions options = launch
        .bridgeOptions(vertx, new EgressHostOptions(), allowlist.profileLabel(), allowlist.explicitEntries())
        .setAllowlist(allowlist.allowlist())
        .setProfile(allowlist.profileLabel())
        .setAllowPrivateDestinations(allowPrivateDestinations)
        .setBridgeListener(launch.events(connected -> banner(connected, allowlist)));
    EgressHostVerticle verticle = new EgressHostVerticle(options);
    return launch.untilFatal(vertx, vertx.deployVerticle(verticle), verticle);
  }

  static String banner(BridgeSession session, HostAllowlist allowlist) {
    return String.format("egress host: connected lease=%s session=%s profile=%s allow=%s",
        StatusLine.orDash(session.leaseId()), StatusLine.orDash(session.sessionId()),
        StatusLine.orDash(allowlist.profileLabel()), StatusLine.joined(allowlist.explicitEntries()));
  }
}
