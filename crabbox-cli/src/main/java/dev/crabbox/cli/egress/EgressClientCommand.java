package dev.crabbox.cli.egress;

import dev.crabbox.agent.BridgeSession;
import dev.crabbox.agent.proxy.LeaseProxyOptions;
import dev.crabbox.agent.proxy.LeaseProxyVerticle;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.error.FatalSetupException;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.runtime.RunningService;
import dev.crabbox.protocol.net.ListenAddress;
import dev.crabbox.protocol.net.ListenAddressException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox egress client}: runs the lease-side loopback HTTP proxy and its bridge, until
 * SIGINT/SIGTERM or a fatal bridge error (exit 4). Point the lease's browser at the printed
 * {@code listen} address ({@code --proxy-server=http://127.0.0.1:3128}).
 */
@Command(name = "client",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Run only the lease-side proxy bridge")
public final class EgressClientCommand implements Callable<Integer> {
  static final String ROLE = "client";

  @Spec
  CommandSpec spec;

  @Mixin
  LeaseSelector lease;

  @Option(names = "--listen", paramLabel = "<host:port>", defaultValue = "127.0.0.1:3128",
      description = "Loopback address of the lease proxy: 127.0.0.1:PORT, localhost:PORT or [::1]:PORT. "
          + "Default: ${DEFAULT-VALUE}.")
  String listen;

  @Mixin
  CoordinatorFlags coordinator;

  @Mixin
  BridgeFlags bridge;

  @Override
  public Integer call() {
    String leaseRef = lease.lease();
    ListenAddress listenAddress = parseListen(listen);
    BridgeLaunch launch = BridgeLaunch.resolve(spec, ROLE, leaseRef, bridge, coordinator);
    return launch.runUntilShutdown(vertx -> start(vertx, launch, listenAddress));
  }

  private Future<RunningService> start(Vertx vertx, BridgeLaunch launch, ListenAddress listenAddress) {
    LeaseProxyOptions options = launch.bridgeOptions(vertx, new LeaseProxyOptions(), null, List.of())
        .setListen(listenAddress);
    LeaseProxyVerticle verticle = new LeaseProxyVerticle(options);
    options.setBridgeListener(launch.events(connected -> banner(connected, verticle.listenText())));
    return launch.untilFatal(vertx, vertx.deployVerticle(verticle)
        .recover(failure -> Future.failedFuture(new FatalSetupException("egress client: cannot listen on "
            + listenAddress + ": " + failure.getMessage(), failure))), verticle);
  }

  static String banner(BridgeSession session, String listen) {
    return String.format("egress client: connected lease=%s session=%s listen=%s",
        StatusLine.orDash(session.leaseId()), StatusLine.orDash(session.sessionId()), listen);
  }

  private static ListenAddress parseListen(String text) {
    try {
      return ListenAddress.parse(text);
    } catch (ListenAddressException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
