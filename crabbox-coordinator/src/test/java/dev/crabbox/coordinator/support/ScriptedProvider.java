package dev.crabbox.coordinator.support;

import dev.crabbox.coordinator.provider.LeaseProvider;
import dev.crabbox.coordinator.provider.ProviderContext;
import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProviderFactory;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.coordinator.provider.Provisioned;
import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.Capability;
import dev.crabbox.protocol.capability.Detection;
import dev.crabbox.protocol.capability.ProviderSpec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider the test steers, for the coordinator's lease lifecycle (not a stand-in for a cloud:
 * those are tested against fake HTTP servers). Provisioning waits until the test completes it,
 * unless {@link #completeAtOnce()}; every call is recorded. One instance outlives coordinator
 * restarts, as a cloud would.
 */
public final class ScriptedProvider implements LeaseProvider {

  public static final String NAME = "scripted";
  public static final LeaseMachine MACHINE = new LeaseMachine("cx22", "fsn1",
      new LeaseMachine.Ssh("203.0.113.7", 22, "crabbox",
          "SHA256:x82kPkv7sKXZU58EbYBgl8VSYRqdKYxIdczrnkGSWho"),
      new LeaseMachine.Cost(new BigDecimal("0.0071"), "EUR"));

  private final ProviderSpec spec;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  public final List<String> provisioned = new CopyOnWriteArrayList<>();
  public final List<String> released = new CopyOnWriteArrayList<>();
  public final List<String> reattached = new CopyOnWriteArrayList<>();
  public final AtomicInteger releaseFailuresLeft = new AtomicInteger();
  private volatile boolean atOnce;

  public ScriptedProvider() {
    this(new ProviderSpec(NAME, true, allLabelled()));
  }

  public ScriptedProvider(ProviderSpec spec) {
    this.spec = spec;
  }

  private static Map<Capability, Detection> allLabelled() {
    Map<Capability, Detection> features = new EnumMap<>(Capability.class);
    for (Capability c : Capability.values()) {
      features.put(c, Detection.LABEL);
    }
    return features;
  }

  public ScriptedProvider completeAtOnce() {
    atOnce = true;
    return this;
  }

  /** A factory that always hands out this instance. */
  public ProviderFactory factory() {
    ScriptedProvider self = this;
    return new ProviderFactory() {
      @Override
      public String name() {
        return spec.name();
      }

      @Override
      public String howToEnable() {
        return "tests only";
      }

      @Override
      public Future<Optional<LeaseProvider>> create(ProviderContext context) {
        return Future.succeededFuture(Optional.of(self));
      }
    };
  }

  @Override
  public ProviderSpec spec() {
    return spec;
  }

  @Override
  public void validate(ProvisionRequest request) {
    if (request.options().containsKey("refuse")) {
      throw new ProviderException(NAME + ": option refuse is not allowed");
    }
  }

  @Override
  public Map<String, String> prepareSecrets(ProvisionRequest request) {
    return Map.of("hostKey", "private-" + request.leaseId());
  }

  @Override
  public Future<Provisioned> provision(ProvisionRequest request) {
    provisioned.add(request.leaseId());
    if (!"private-".concat(request.leaseId()).equals(request.secrets().get("hostKey"))) {
      return Future.failedFuture(new ProviderException("secrets were not kept for the lease"));
    }
    if (atOnce) {
      return Future.succeededFuture(new Provisioned("srv-" + request.leaseId(), MACHINE));
    }
    Pending waiting = new Pending(Vertx.currentContext(), Promise.promise());
    pending.put(request.leaseId(), waiting);
    return waiting.promise.future();
  }

  /** A provisioning the test has not completed yet, with the coordinator context it runs on. */
  private record Pending(Context context, Promise<Provisioned> promise) {}

  /** Completes the pending provisioning of {@code leaseId} with {@link #MACHINE}. */
  public void finish(String leaseId) {
    Pending waiting = pending.remove(leaseId);
    waiting.context.runOnContext(v ->
        waiting.promise.complete(new Provisioned("srv-" + leaseId, MACHINE)));
  }

  public void fail(String leaseId, String reason) {
    Pending waiting = pending.remove(leaseId);
    waiting.context.runOnContext(v -> waiting.promise.fail(new ProviderException(reason)));
  }

  public boolean isPending(String leaseId) {
    return pending.containsKey(leaseId);
  }

  @Override
  public Future<Optional<Provisioned>> reattach(ProvisionRequest request, Provisioned current) {
    reattached.add(request.leaseId());
    return Future.succeededFuture(Optional.empty());
  }

  @Override
  public Future<Void> release(String leaseId, String providerRef) {
    if (releaseFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return Future.failedFuture(new ProviderException(NAME + ": API unavailable", true, null));
    }
    released.add(leaseId);
    return Future.succeededFuture();
  }
}
