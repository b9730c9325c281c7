package dev.crabbox.protocol.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.protocol.egress.EgressSessionIds;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void formats() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 1000; i++) {
      String lease = Ids.newLeaseId(random);
      assertTrue(Pattern.matches("cbx_[0-9a-f]{12}", lease), lease);
      assertTrue(Ids.isLeaseId(lease));
      String ticket = Ids.newTicket(random);
      assertTrue(Pattern.matches("egress_[0-9a-f]{32}", ticket), ticket);
      assertTrue(Ids.isTicket(ticket));
      String run = Ids.newRunId(random);
      assertTrue(Pattern.matches("run_[0-9a-f]{12}", run), run);
      assertTrue(Ids.isRunId(run));
      String session = Ids.newSessionId(random);
      assertTrue(EgressSessionIds.valid(session), session);
      assertFalse(Ids.isTicket(session), "a session id is never mistaken for a ticket");
    }
  }

  @Test
  void recognizersAreStrict() {
    for (String bad : new String[] {null, "", "cbx_", "cbx_00000000000", "cbx_0000000000000",
        "cbx_ABCDEF123456", "CBX_abcdef123456", "cbx_abcdef12345g", " cbx_abcdef123456",
        "swift-crab"}) {
      assertFalse(Ids.isLeaseId(bad), String.valueOf(bad));
    }
    assertTrue(Ids.isLeaseId("cbx_abcdef123456"));
    assertFalse(Ids.isRunId("run_abc"));
    assertFalse(Ids.isRunId("cbx_abcdef123456"));
    assertFalse(Ids.isTicket("egress_" + "A".repeat(32)));
  }

  @Test
  void sameSeedSameIdsDifferentSeedDifferentIds() {
    assertEquals(Ids.newLeaseId(new SplittableRandom(1)), Ids.newLeaseId(new SplittableRandom(1)));
    assertNotEquals(Ids.newLeaseId(new SplittableRandom(1)), Ids.newLeaseId(new SplittableRandom(2)));
  }

  @Test
  void ticketsFromSecureRandomDoNotRepeatAndUseEveryDigit() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    Set<Character> digits = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String ticket = Ids.newTicket(random);
      assertTrue(seen.add(ticket));
      for (char c : ticket.substring(7).toCharArray()) {
        digits.add(c);
      }
    }
    assertEquals(16, digits.size());
  }
}
