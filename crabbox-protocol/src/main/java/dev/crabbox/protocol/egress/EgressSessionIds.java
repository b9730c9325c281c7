package dev.crabbox.protocol.egress;

import dev.crabbox.protocol.id.Ids;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Egress session ids as the original accepts them: {@code egress_} plus 6..80 safe characters. */
public final class EgressSessionIds {

  private static final Pattern VALID = Pattern.compile("^egress_[A-Za-z0-9_.:-]{6,80}$");

  private EgressSessionIds() {}

  public static boolean valid(String candidate) {
    return candidate != null && VALID.matcher(candidate).matches();
  }

  /**
   * The trimmed candidate when it is a valid session id, else a fresh one: a missing or malformed
   * {@code --session} starts a new session instead of failing, as the original does.
   */
  public static String normalizeOrGenerate(String candidate, RandomGenerator random) {
    String trimmed = candidate == null ? null : candidate.trim();
    return valid(trimmed) ? trimmed : Ids.newSessionId(random);
  }
}
