package dev.crabbox.cli.component;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.TicketSource;
import dev.crabbox.agent.WireVersion;
import dev.crabbox.agent.host.EgressHostOptions;
import dev.crabbox.agent.host.EgressHostVerticle;
import dev.crabbox.agent.proxy.LeaseProxyOptions;
import dev.crabbox.agent.proxy.LeaseProxyVerticle;
import dev.crabbox.cli.demo.LocalEgressRig;
import dev.crabbox.protocol.allow.Allowlist;
import dev.crabbox.protocol.net.ListenAddress;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the component tests: waiting on futures and extra agents. */
final class ComponentRig {
  static final Duration WAIT = Duration.ofSeconds(30);

  private ComponentRig() {}

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** A second egress host for the rig's lease, joining {@code sessionId} (null: the current one). */
  static EgressHostVerticle extraHost(LocalEgressRig rig, String sessionId) throws Exception {
    Allowlist allow = Allowlist.of(List.of(), List.of("127.0.0.1"));
    EgressHostVerticle host = new EgressHostVerticle(new EgressHostOptions()
        .setCoordinator(rig.coordinator().baseUri())
        .setLease(rig.leaseId())
        .setSessionId(sessionId)
        .setAllowlist(allow)
        .setAllowPrivateDestinations(true)
        .setReconnectBackoffMin(Duration.ofMillis(50))
        .setTicketSource(TicketSource.minting(rig.admin(), rig.leaseId(), "host", sessionId, null,
            allow.entries())));
    return host;
  }

  /** A lease proxy for the rig's lease on a free loopback port, speaking {@code wire}. */
  static LeaseProxyVerticle extraProxy(LocalEgressRig rig, WireVersion wire) {
    return new LeaseProxyVerticle(new LeaseProxyOptions()
        .setCoordinator(rig.coordinator().baseUri())
        .setLease(rig.leaseId())
        .setListen(new ListenAddress("127.0.0.1", 0))
        .setWireVersion(wire)
        .setReconnectBackoffMin(Duration.ofMillis(50))
        .setTicketSource(TicketSource.minting(rig.admin(), rig.leaseId(), "client", null, null, List.of())));
  }

  static String failureText(Future<BridgeFailure> fatal) throws Exception {
    return await(fatal).message();
  }
}
