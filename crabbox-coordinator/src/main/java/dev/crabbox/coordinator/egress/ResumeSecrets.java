package dev.crabbox.coordinator.egress;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The single-use reconnect secrets handed to bridge agents in the 101 (egress and lease bridges). */
public final class ResumeSecrets {

  private static final String PREFIX = "resume_";

  private ResumeSecrets() {}

  /** A fresh secret: {@code resume_} and 32 random bytes in hex. */
  public static String next(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + HexFormat.of().formatHex(bytes);
  }
}
