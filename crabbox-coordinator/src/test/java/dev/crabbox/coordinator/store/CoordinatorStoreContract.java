package dev.crabbox.coordinator.store;

import static dev.crabbox.coordinator.support.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.support.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CoordinatorStore} must do. Implementations' tests extend this and provide
 * {@link #store()}: H2StoreTest on an embedded file, PgStoreTest on a real PostgreSQL server.
 */
abstract class CoordinatorStoreContract {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  abstract CoordinatorStore store();

  /** The Vert.x instance the store was opened on. */
  abstract Vertx vertx();

  static LeaseRecord lease(String id, String slug, String owner, String org) {
    Duration ttl = Duration.ofMinutes(90);
    Duration idle = Duration.ofMinutes(30);
    return new LeaseRecord(id, slug, owner, org, "manual", "linux", LeaseState.ACTIVE, true, false,
        true, ttl, idle, T0, T0, T0, LeaseRecord.expiry(T0, T0, ttl, idle));
  }

  static TicketRecord ticket(String hash, String lease, BridgeRole role, Instant expires) {
    return new TicketRecord(hash, lease, role, "egress_session1", "alice", "acme", Role.USER, T0,
        expires, null);
  }

  @Test
  void leasesRoundTripAndAreFoundByIdOrSlug() {
    LeaseRecord lease = lease("cbx_000000000001", "tidal-lobster", "alice", "acme");
    result(store().insertLease(lease));
    assertEquals(Optional.of(lease), result(store().findLease("cbx_000000000001")));
    assertEquals(Optional.of(lease), result(store().findLease("tidal-lobster")));
    assertEquals(Optional.empty(), result(store().findLease("nope")));
    assertInstanceOf(DuplicateKeyException.class, Await.failure(store().insertLease(
        lease("cbx_000000000002", "tidal-lobster", "bob", ""))));
    result(store().insertLease(lease("cbx_000000000003", "tidal-lobster-1a2b", "bob", "")));
    assertEquals(Set.of("tidal-lobster", "tidal-lobster-1a2b"),
        result(store().slugsStartingWith("tidal-lobster")));
  }

  @Test
  void futuresCompleteOnTheCallersContext() {
    Context caller = vertx().getOrCreateContext();
    Future<Boolean> onCaller = Future.future(promise -> caller.runOnContext(go ->
        store().insertLease(lease("cbx_0000000000k1", "k-k", "alice", "acme"))
            .compose(inserted -> store().findLease("k-k"))
            .onComplete(found -> promise.complete(found.succeeded()
                && Vertx.currentContext() == caller))));
    assertTrue(result(onCaller), "the store's future completed on another context");
  }

  @Test
  void visibilityFollowsOwnerAndShares() {
    result(store().insertLease(lease("cbx_00000000000a", "a-a", "alice", "acme")));
    result(store().insertLease(lease("cbx_00000000000b", "b-b", "bob", "acme")));
    assertEquals(1, result(store().listLeasesVisibleTo("alice", "acme")).size());
    result(store().replaceShares("cbx_00000000000b", "acme",
        new LeaseShares(Map.of("carol", ShareAccess.MANAGE), ShareAccess.USE)));
    assertEquals(2, result(store().listLeasesVisibleTo("alice", "acme")).size());
    assertEquals(1, result(store().listLeasesVisibleTo("carol", "other")).size());
    assertEquals(0, result(store().listLeasesVisibleTo("dave", "")).size());
    assertEquals(2, result(store().listLeases()).size());
    assertEquals(new LeaseShares(Map.of("carol", ShareAccess.MANAGE), ShareAccess.USE),
        result(store().shares("cbx_00000000000b")));
    result(store().replaceShares("cbx_00000000000b", "acme", LeaseShares.NONE));
    assertEquals(LeaseShares.NONE, result(store().shares("cbx_00000000000b")));
  }

  @Test
  void stateTransitionsAreConditional() {
    LeaseRecord lease = lease("cbx_0000000000c1", "c-c", "alice", "");
    result(store().insertLease(lease));
    assertEquals(List.of(), result(store().leasesDueForExpiry(T0.plusSeconds(60))));
    assertEquals(1, result(store().leasesDueForExpiry(T0.plus(Duration.ofMinutes(30)))).size());
    assertTrue(result(store().touchLease(lease.withTouch(T0.plus(Duration.ofMinutes(10))))));
    assertEquals(List.of(), result(store().leasesDueForExpiry(T0.plus(Duration.ofMinutes(30)))));
    assertTrue(result(store().transitionLease(lease.id(), LeaseState.ACTIVE, LeaseState.RELEASED, T0)));
    assertFalse(result(store().transitionLease(lease.id(), LeaseState.ACTIVE, LeaseState.EXPIRED, T0)));
    assertFalse(result(store().touchLease(lease.withTouch(T0))));
  }

  @Test
  void consumingATicketIsOneAtomicConditionalStep() {
    result(store().insertLease(lease("cbx_0000000000d1", "d-d", "alice", "acme")));
    result(store().insertLease(lease("cbx_0000000000d2", "d-e", "alice", "acme")));
    Instant expires = T0.plusSeconds(120);
    result(store().insertTicket(ticket("h1", "cbx_0000000000d1", BridgeRole.HOST, expires)));

    assertEquals(Optional.empty(), result(store().consumeTicket("h1", "cbx_0000000000d1",
        BridgeRole.CLIENT, T0)), "wrong role");
    assertEquals(Optional.empty(), result(store().consumeTicket("h1", "cbx_0000000000d2",
        BridgeRole.HOST, T0)), "wrong lease");
    assertEquals(Optional.empty(), result(store().consumeTicket("h1", "cbx_0000000000d1",
        BridgeRole.HOST, expires)), "expired");
    TicketRecord claimed = result(store().consumeTicket("h1", "cbx_0000000000d1", BridgeRole.HOST,
        T0.plusSeconds(5))).orElseThrow();
    assertEquals("egress_session1", claimed.sessionId());
    assertEquals(T0.plusSeconds(5), claimed.consumedAt());
    assertEquals(Optional.empty(), result(store().consumeTicket("h1", "cbx_0000000000d1",
        BridgeRole.HOST, T0.plusSeconds(6))), "used");
  }

  @Test
  void sessionsAndResumeSecrets() {
    String leaseId = "cbx_0000000000e1";
    result(store().insertLease(lease(leaseId, "e-e", "alice", "acme")));
    assertEquals(Optional.empty(), result(store().egressSession(leaseId)));
    result(store().startEgressSession(leaseId, "egress_first-1", T0));
    result(store().updateEgressScope(leaseId, "egress_first-1", "discord",
        List.of("discord.com", "*.discord.com"), T0.plusSeconds(1)));
    EgressSessionRecord session = result(store().egressSession(leaseId)).orElseThrow();
    assertEquals(List.of("discord.com", "*.discord.com"), session.allow());
    assertEquals("discord", session.profile());
    assertTrue(session.current());

    Caller bob = new Caller("bob", "acme", Role.USER);
    result(store().insertResumeSecret(new ResumeSecretRecord("r1", leaseId, "egress_first-1",
        BridgeRole.CLIENT, bob, T0, null)));
    result(store().insertResumeSecret(new ResumeSecretRecord("r2", leaseId, "egress_first-1",
        BridgeRole.CLIENT, null, T0, null)));
    assertEquals(Optional.empty(), result(store().consumeResumeSecret("r1", leaseId, BridgeRole.HOST, T0)));
    assertEquals(bob, result(store().consumeResumeSecret("r1", leaseId, BridgeRole.CLIENT, T0))
        .orElseThrow().holder(), "the secret remembers who holds the socket");
    assertEquals(Optional.empty(), result(store().consumeResumeSecret("r1", leaseId, BridgeRole.CLIENT, T0)));

    result(store().startEgressSession(leaseId, "egress_second", T0.plusSeconds(2)));
    assertEquals(Optional.empty(), result(store().consumeResumeSecret("r2", leaseId,
        BridgeRole.CLIENT, T0)), "a new session kills the old secrets");
    EgressSessionRecord second = result(store().egressSession(leaseId)).orElseThrow();
    assertEquals("egress_second", second.sessionId());
    assertEquals(List.of(), second.allow());

    assertTrue(result(store().endEgressSession(leaseId, T0.plusSeconds(3))));
    assertFalse(result(store().endEgressSession(leaseId, T0.plusSeconds(4))));
    assertFalse(result(store().egressSession(leaseId)).orElseThrow().current());
    assertEquals(2, result(store().pruneCredentials(T0.plusSeconds(3600))), "both spent secrets");
  }

  static RunRecord run(String id, String leaseId, Instant startedAt) {
    return new RunRecord(id, leaseId, "r-r", "alice", "acme", "manual", "make", RunState.RUNNING,
        startedAt, null, null);
  }

  @Test
  void runsRoundTripAndFinishOnce() {
    result(store().insertLease(lease("cbx_0000000000r1", "r-r", "alice", "acme")));
    RunRecord first = run("run_000000000001", "cbx_0000000000r1", T0);
    RunRecord second = run("run_000000000002", "cbx_0000000000r1", T0.plusSeconds(1));
    result(store().insertRun(first));
    result(store().insertRun(second));
    assertEquals(Optional.of(first), result(store().findRun(first.id())));
    assertEquals(Optional.empty(), result(store().findRun("run_00000000000f")));
    assertEquals(List.of(second, first), result(store().listRuns("cbx_0000000000r1")));

    assertTrue(result(store().appendRunEvents(first.id(), List.of(
        new RunEvent(0, "run.started", T0, null), new RunEvent(0, "command.output", T0, "\"x\"")))));
    List<RunEvent> events = result(store().runEvents(first.id()));
    assertEquals(List.of("run.started", "command.output"),
        events.stream().map(RunEvent::type).toList());
    assertEquals("\"x\"", events.get(1).data());

    assertTrue(result(store().finishRun(first.id(), RunState.FAILED, 2, T0.plusSeconds(5))));
    assertFalse(result(store().finishRun(first.id(), RunState.SUCCEEDED, 0, T0.plusSeconds(6))));
    RunRecord finished = result(store().findRun(first.id())).orElseThrow();
    assertEquals(RunState.FAILED, finished.state());
    assertEquals(2, finished.exitCode());
    assertEquals(T0.plusSeconds(5), finished.endedAt());
    assertFalse(result(store().appendRunEvents(first.id(), List.of(
        new RunEvent(0, "late", T0, null)))));
    assertEquals(Optional.empty(), result(store().appendRunLog(first.id(), "late", 100)));
    assertFalse(result(store().addTelemetry(new TelemetrySample("cbx_0000000000r1", first.id(),
        T0, 1, 2, 3), 60)));
    assertEquals(2, result(store().runEvents(first.id())).size());

    JunitSummary junit = new JunitSummary(1, 3, 1, 0, 0, 0.5, List.of("A.b"));
    result(store().putJunit(first.id(), junit));
    result(store().putJunit(first.id(), junit));
    assertEquals(Optional.of(junit), result(store().junit(first.id())));
    assertEquals(Optional.empty(), result(store().junit(second.id())));
  }

  @Test
  void runLogsKeepTheirTailAndTelemetryItsNewestSamples() {
    result(store().insertLease(lease("cbx_0000000000r2", "r-s", "alice", "acme")));
    RunRecord r = run("run_000000000003", "cbx_0000000000r2", T0);
    result(store().insertRun(r));
    assertEquals(Optional.of(8L), result(store().appendRunLog(r.id(), "one\ntwo\n", 10)));
    assertEquals(Optional.of(10L), result(store().appendRunLog(r.id(), "three\n", 10)));
    assertEquals("two\nthree\n", result(store().runLog(r.id())));
    assertEquals("", result(store().runLog("run_00000000000f")));

    for (int i = 0; i < 5; i++) {
      assertTrue(result(store().addTelemetry(new TelemetrySample("cbx_0000000000r2", r.id(),
          T0.plusSeconds(10 - i), i, 2, 3), 3)));
    }
    List<TelemetrySample> kept = result(store().leaseTelemetry("cbx_0000000000r2"));
    assertEquals(List.of(T0.plusSeconds(8), T0.plusSeconds(9), T0.plusSeconds(10)),
        kept.stream().map(TelemetrySample::at).toList(), "the oldest samples go, oldest first");
    assertEquals(kept, result(store().runTelemetry(r.id())));
  }

  static RunnerRecord runner(String id, String owner, Instant seen) {
    return new RunnerRecord("blacksmith-testbox", id, "box " + id, owner, "acme", "running",
        "acme/widgets", "ci.yml", "42", "build", Map.of("os", "linux", "size", "4vcpu"),
        T0.minusSeconds(60), T0.minusSeconds(30), seen, seen, false, null);
  }

  @Test
  void runnerSyncsUpsertAndMarkTheOwnersMissingRunnersStale() {
    String provider = "blacksmith-testbox";
    RunnerRecord a = runner("tbx_a", "alice", T0);
    RunnerRecord bare = new RunnerRecord(provider, "tbx_b", null, "alice", "acme", "queued", null,
        null, null, null, null, null, null, T0, T0, false, null);
    assertEquals(new RunnerSync(2, 0),
        result(store().syncRunners(provider, "alice", "acme", List.of(a, bare), T0)));
    assertEquals(new RunnerSync(1, 0), result(store().syncRunners(provider, "bob", "acme",
        List.of(runner("tbx_c", "bob", T0)), T0)));
    assertEquals(Optional.of(a), result(store().findRunner(provider, "tbx_a")));
    assertEquals(Optional.of(bare), result(store().findRunner(provider, "tbx_b")));
    assertEquals(Optional.empty(), result(store().findRunner("other", "tbx_a")));

    Instant later = T0.plusSeconds(120);
    assertEquals(new RunnerSync(1, 1), result(store().syncRunners(provider, "alice", "acme",
        List.of(runner("tbx_a", "alice", later)), later)));
    RunnerRecord stale = result(store().findRunner(provider, "tbx_b")).orElseThrow();
    assertTrue(stale.stale());
    assertEquals(later, stale.staleSince());
    RunnerRecord seen = result(store().findRunner(provider, "tbx_a")).orElseThrow();
    assertEquals(T0, seen.firstSeenAt());
    assertEquals(later, seen.lastSeenAt());
    assertFalse(result(store().findRunner(provider, "tbx_c")).orElseThrow().stale(),
        "another owner's runners are not touched");

    assertEquals(List.of("tbx_a", "tbx_b"), result(store().listRunners(provider, "alice"))
        .stream().map(RunnerRecord::id).toList());
    assertEquals(3, result(store().listRunners(null, null)).size());
    assertEquals(0, result(store().listRunners("other", null)).size());
  }
}
