package dev.crabbox.coordinator.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.store.LeaseInputs;
import dev.crabbox.coordinator.store.LeaseRecord;
import dev.crabbox.coordinator.store.LeaseShares;
import dev.crabbox.coordinator.store.LeaseState;
import dev.crabbox.coordinator.store.ShareAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which sockets a share change closes: those whose caller fell below the access the socket needs
 * (manage for egress, use for lease bridges and portal relays); never the owner's or an admin's.
 */
class LeaseSocketsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final LeaseRecord LEASE = new LeaseRecord("cbx_000000000001", "calm-otter",
      "alice", "acme", "manual", "linux", LeaseState.ACTIVE, false, false, false, HOUR, HOUR, NOW,
      NOW, NOW, LeaseRecord.expiry(NOW, NOW, HOUR, HOUR), null, null, null, false,
      new LeaseInputs("", Map.of(), Map.of()));

  /** A socket that records how it was revoked. */
  private static final class RecordingSocket implements LeaseSockets.LiveSocket {
    String revokedWith;
    boolean closed;

    @Override
    public boolean closed() {
      return closed;
    }

    @Override
    public void revoke(String reason) {
      revokedWith = reason;
      closed = true;
    }
  }

  private final LeaseSockets sockets = new LeaseSockets();

  private RecordingSocket open(Caller caller, Access needs) {
    RecordingSocket socket = new RecordingSocket();
    sockets.register(LEASE.id(), caller, needs, socket);
    return socket;
  }

  private static Caller user(String name, String org) {
    return new Caller(name, org, Role.USER);
  }

  @Test
  void theOwnerAndAdminsKeepTheirSocketsWithNoSharesAtAll() {
    RecordingSocket owner = open(user("alice", "acme"), Access.MANAGE);
    RecordingSocket admin = open(new Caller("root", "", Role.ADMIN), Access.MANAGE);
    RecordingSocket bob = open(user("bob", "globex"), Access.USE);

    assertEquals(1, sockets.revokeLost(LEASE, new LeaseShares(Map.of(), null)));

    assertNull(owner.revokedWith);
    assertNull(admin.revokedWith);
    assertEquals("lease access revoked", bob.revokedWith);
  }

  @Test
  void aUseShareKeepsBridgeSocketsButNotEgressSockets() {
    Caller bob = user("bob", "globex");
    RecordingSocket egress = open(bob, Access.MANAGE);
    RecordingSocket bridge = open(bob, Access.USE);

    sockets.revokeLost(LEASE, new LeaseShares(Map.of("bob", ShareAccess.USE), null));

    assertEquals("lease access revoked", egress.revokedWith);
    assertNull(bridge.revokedWith);
  }

  @Test
  void anOrgShareCountsForMembersOfTheLeasesOrgOnly() {
    RecordingSocket carol = open(user("carol", "acme"), Access.MANAGE);
    RecordingSocket mallory = open(user("mallory", "evil"), Access.USE);

    sockets.revokeLost(LEASE, new LeaseShares(Map.of("mallory", ShareAccess.USE), ShareAccess.MANAGE));
    assertNull(carol.revokedWith);
    assertNull(mallory.revokedWith);

    sockets.revokeLost(LEASE, new LeaseShares(Map.of(), ShareAccess.MANAGE));
    assertNull(carol.revokedWith);
    assertEquals("lease access revoked", mallory.revokedWith);
  }

  @Test
  void closedSocketsAreForgottenAndNotRevokedAgain() {
    RecordingSocket bob = open(user("bob", "globex"), Access.USE);
    bob.closed = true;
    assertFalse(sockets.tracks(LEASE.id()));

    assertEquals(0, sockets.revokeLost(LEASE, new LeaseShares(Map.of(), null)));
    assertNull(bob.revokedWith);
  }
}
