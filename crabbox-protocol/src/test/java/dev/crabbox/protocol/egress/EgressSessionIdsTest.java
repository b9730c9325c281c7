package dev.crabbox.protocol.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EgressSessionIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"egress_abcdef", "egress_ABC-12.3:4_x", "egress_0123456789abcdef0123"})
  void validIds(String id) {
    assertTrue(EgressSessionIds.valid(id));
    assertEquals(id, EgressSessionIds.normalizeOrGenerate(id, new SplittableRandom(1)));
    assertEquals(id, EgressSessionIds.normalizeOrGenerate("  " + id + "\n", new SplittableRandom(1)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"egress_", "egress_abcde", "Egress_abcdef", "egress-abcdef", "abcdefghij",
      "egress_abc def", "egress_abc/def", "egress_abcdef\u00e9", " egress_abcdef"})
  void invalidIdsAreReplacedByFreshOnes(String id) {
    assertFalse(EgressSessionIds.valid(id));
    String fresh = EgressSessionIds.normalizeOrGenerate(id == null || id.isBlank() ? id : id + "!",
        new SplittableRandom(2));
    assertTrue(EgressSessionIds.valid(fresh), fresh);
  }

  @Test
  void lengthLimitIsEightyCharactersAfterThePrefix() {
    assertTrue(EgressSessionIds.valid("egress_" + "a".repeat(80)));
    assertFalse(EgressSessionIds.valid("egress_" + "a".repeat(81)));
    assertFalse(EgressSessionIds.valid("egress_abcdef\n"));
  }

  @Test
  void generatedIdsDependOnTheRandomSource() {
    assertEquals(EgressSessionIds.normalizeOrGenerate(null, new SplittableRandom(5)),
        EgressSessionIds.normalizeOrGenerate(null, new SplittableRandom(5)));
    assertNotEquals(EgressSessionIds.normalizeOrGenerate(null, new SplittableRandom(5)),
        EgressSessionIds.normalizeOrGenerate(null, new SplittableRandom(6)));
  }
}
