package dev.crabbox.protocol.id;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Identifier formats. Randomness is passed in so tests are repeatable; call sites that mint
 * secrets (tickets) must pass a {@link java.security.SecureRandom}.
 */
public final class Ids {

  public static final String LEASE_PREFIX = "cbx_";
  public static final String TICKET_PREFIX = "egress_";
  public static final String RUN_PREFIX = "run_";
  public static final String SESSION_PREFIX = "egress_";

  private static final Pattern LEASE_ID = Pattern.compile("^cbx_[0-9a-f]{12}$");
  private static final Pattern RUN_ID = Pattern.compile("^run_[0-9a-f]{12}$");
  private static final Pattern TICKET = Pattern.compile("^egress_[0-9a-f]{32}$");

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  /** {@code cbx_} + 12 lowercase hex digits. */
  public static String newLeaseId(RandomGenerator random) {
    return LEASE_PREFIX + hex(random, 12);
  }

  public static boolean isLeaseId(String text) {
    return text != null && LEASE_ID.matcher(text).matches();
  }

  /** {@code egress_} + 32 lowercase hex digits (128 random bits). */
  public static String newTicket(RandomGenerator random) {
    return TICKET_PREFIX + hex(random, 32);
  }

  public static boolean isTicket(String text) {
    return text != null && TICKET.matcher(text).matches();
  }

  /** {@code run_} + 12 lowercase hex digits. */
  public static String newRunId(RandomGenerator random) {
    return RUN_PREFIX + hex(random, 12);
  }

  public static boolean isRunId(String text) {
    return text != null && RUN_ID.matcher(text).matches();
  }

  /**
   * {@code egress_} + 20 lowercase hex digits: a valid egress session id whose length differs
   * from a ticket's, so the two are never mistaken for each other in logs.
   */
  public static String newSessionId(RandomGenerator random) {
    return SESSION_PREFIX + hex(random, 20);
  }

  private static String hex(RandomGenerator random, int digits) {
    char[] out = new char[digits];
    long bits = 0;
    for (int i = 0; i < digits; i++) {
      if (i % 16 == 0) {
        bits = random.nextLong();
      }
      out[i] = HEX[(int) (bits & 0xF)];
      bits >>>= 4;
    }
    return new String(out);
  }
}
