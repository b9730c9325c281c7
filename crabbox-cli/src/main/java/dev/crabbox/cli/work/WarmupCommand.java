package dev.crabbox.cli.work;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.ssh.LeaseShell;
import dev.crabbox.cli.ssh.OperatorKey;
import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.capability.Capability;
import dev.crabbox.protocol.capability.CapabilityCheck;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox warmup}: leases a box (or checks an existing one with {@code --id}) and waits
 * until it is active, answers over SSH with its pinned host key and, on managed clouds, has
 * finished its bootstrap. Prints the lease id and slug.
 */
@Command(name = "warmup",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = {"Lease a box and wait until it is ready: provisioned, reachable over SSH with the host key "
        + "the coordinator pinned, and (hetzner, aws) bootstrapped. Progress goes to stderr; the lease id "
        + "and slug go to stdout.",
        "Capabilities (--desktop, --browser, --code) must be asked for here; a lease cannot grow them later.",
        "With --id, checks that an existing lease has the requested capabilities and is ready."})
public final class WarmupCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(WarmupCommand.class);
  private static final String DEFAULT_PROVIDER = "local";

  @Spec
  CommandSpec spec;

  @Mixin
  CoordinatorFlags coordinator;

  @Mixin
  CapabilityFlags capabilities;

  @Option(names = "--target", paramLabel = "<os>", defaultValue = "linux",
      description = "Operating system of the lease: linux, macos or windows. Default: ${DEFAULT-VALUE}.")
  String target;

  @Option(names = "--ttl", paramLabel = "<duration>", converter = DurationConverter.class,
      description = "Longest life of the lease (90m, 2h; at most 24h). Default: the coordinator's (90m).")
  Duration ttl;

  @Option(names = "--idle-timeout", paramLabel = "<duration>", converter = DurationConverter.class,
      description = "Release the lease after this long without use (30m). Default: the coordinator's (30m).")
  Duration idleTimeout;

  @Option(names = "--static-host", paramLabel = "<name>",
      description = "The configured static SSH host to lease (provider static; implies it).")
  String staticHost;

  @Option(names = "--id", paramLabel = "<lease-id-or-slug>",
      description = "Reuse this lease instead of creating one: check its capabilities and wait until it is ready.")
  String reuse;

  @Option(names = "--timeout", paramLabel = "<duration>", converter = DurationConverter.class, defaultValue = "15m",
      description = "Give up when the lease is not ready after this long. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--poll-interval", hidden = true, converter = DurationConverter.class, defaultValue = "2s")
  Duration poll;

  @Option(names = "--json", description = "Print the lease object as JSON instead of its id and slug.")
  boolean json;

  @Override
  public Integer call() {
    CliEnvironment environment = CliEnvironment.of(spec);
    CoordinatorSession session = coordinator.session(spec);
    Set<Capability> requested = capabilities.requested();
    LeaseTarget os = parseTarget();
    String providerName = providerName(session);
    if (reuse == null) {
      List<String> refused = CapabilityCheck.validateRequested(providerSpec(providerName), os, requested);
      if (!refused.isEmpty()) {
        throw new UsageException(refused.get(0));
      }
    }
    OperatorKey key = OperatorKey.resolve(environment.settings());
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = new ProgressLine(err);
    Instant deadline = Instant.now().plus(timeout);
    JsonObject ready = session.callWithVertx((vertx, client) -> {
      Future<LeaseView> lease = reuse != null
          ? client.getLease(reuse.trim()).compose(LeaseFacts::read)
          : client.createLease(createBody(providerName, os, requested, key)).compose(LeaseFacts::read);
      return lease.compose(created -> prepare(vertx, client, created, requested, key, deadline, progress)
          .recover(failure -> reuse != null ? Future.failedFuture(failure)
              : releaseAfterFailure(client, created, progress).transform(released -> Future.failedFuture(failure))));
    });
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ready.encodePrettily());
    } else {
      out.println(ready.getString("id") + " " + ready.getString("slug"));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Active, reachable with the pinned key, bootstrapped, capabilities probed; answers the lease JSON. */
  private Future<JsonObject> prepare(Vertx vertx, CoordinatorClient client, LeaseView lease,
      Set<Capability> requested, OperatorKey key, Instant deadline, ProgressLine progress) {
    return LeaseWait.untilActive(vertx, client, lease, deadline, poll, progress).compose(active -> {
      CapabilityGate gate = CapabilityGate.check(active, requested);
      ProviderSpec provider = LeaseFacts.provider(active);
      return SshSteps.connectWhenReachable(vertx, LeaseFacts.requireSsh(active), key, deadline, poll, progress)
          .compose(shell -> ready(vertx, shell, provider, gate, deadline, progress)
              .eventually(() -> SshSteps.close(vertx, shell)))
          .compose(done -> client.getLease(active.id()))
          .onSuccess(json -> progress.done("lease " + active.id() + " (" + active.slug() + ") is ready; "
              + "run commands with: crabbox run --id " + active.slug() + " -- <command>"));
    });
  }

  private Future<Void> ready(Vertx vertx, LeaseShell shell, ProviderSpec provider, CapabilityGate gate,
      Instant deadline, ProgressLine progress) {
    Future<Void> bootstrapped = LeaseFacts.bootstrapped(provider)
        ? SshSteps.awaitBootstrap(vertx, shell, deadline, poll, progress)
        : Future.succeededFuture();
    return bootstrapped.compose(done -> SshSteps.blocking(vertx, () -> gate.environment(shell))).mapEmpty();
  }

  /** Releases a lease this warmup created and left alive; a failed or ended lease is left as it is. */
  private Future<Void> releaseAfterFailure(CoordinatorClient client, LeaseView lease, ProgressLine progress) {
    return client.getLease(lease.id()).compose(LeaseFacts::read).compose(now ->
        LeaseFacts.ACTIVE.equals(now.state()) || LeaseFacts.PROVISIONING.equals(now.state())
            ? release(client, lease, progress)
            : Future.<Void>succeededFuture())
        .otherwiseEmpty();
  }

  private Future<Void> release(CoordinatorClient client, LeaseView lease, ProgressLine progress) {
    return client.releaseLease(lease.id())
        .onSuccess(released -> progress.done("released lease " + lease.id() + " (" + lease.slug()
            + ") because it did not become ready"))
        .onFailure(e -> LOG.warn("could not release lease {} after the failed warmup: {}", lease.id(), e.toString()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private JsonObject createBody(String provider, LeaseTarget os, Set<Capability> requested, OperatorKey key) {
    JsonObject labels = new JsonObject()
        .put("desktop", requested.contains(Capability.DESKTOP))
        .put("browser", requested.contains(Capability.BROWSER))
        .put("code", requested.contains(Capability.CODE));
    JsonObject body = new JsonObject()
        .put("provider", provider)
        .put("target", os.wireName())
        .put("labels", labels)
        .put("sshPublicKey", key.publicLine());
    if (ttl != null) {
      body.put("ttl", DurationConverter.wire(ttl));
    }
    if (idleTimeout != null) {
      body.put("idleTimeout", DurationConverter.wire(idleTimeout));
    }
    if (staticHost != null) {
      body.put("options", new JsonObject().put("host", staticHost.trim()));
    }
    return body;
  }

  private LeaseTarget parseTarget() {
    try {
      return LeaseTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** --provider, $CRABBOX_PROVIDER, the config file; {@code static} with --static-host; else local. */
  private String providerName(CoordinatorSession session) {
    String name = session.target().provider().orElse(null);
    if (staticHost != null && !staticHost.isBlank()) {
      if (name != null && coordinator.providerFlagGiven() && !"static".equals(name)) {
        throw new UsageException("--static-host names a static SSH host, but --provider is " + name
            + "; drop --provider or use --provider static");
      }
      return "static";
    }
    return name != null ? name : DEFAULT_PROVIDER;
  }

  private static ProviderSpec providerSpec(String name) {
    try {
      return ProviderSpec.of(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
