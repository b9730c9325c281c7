package dev.crabbox.portal.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random codes that each stand for one value, can be redeemed once, and stop working after a
 * short lifetime on the coordinator's clock. Kept in memory: a coordinator restart voids them,
 * which is what a short-lived login step should do anyway. The number of live codes is bounded
 * so that a flood of unfinished sign-ins cannot grow the map without end.
 *
 * @param <T> what a code stands for
 */
public final class OneUseCodes<T> {

  /** 32 random bytes: unguessable, and short enough for a URL. */
  private static final int CODE_BYTES = 32;
  static final int MAX_LIVE = 10_000;

  private record Entry<T>(T value, Instant expiresAt) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry<T>> live = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration lifetime;

  public OneUseCodes(Clock clock, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("code lifetime must be positive");
    }
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A fresh code for {@code value}. */
  public String mint(T value) {
    Instant now = clock.instant();
    if (live.size() >= MAX_LIVE) {
      live.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
      if (live.size() >= MAX_LIVE) {
        throw new IllegalStateException("too many sign-ins in progress; try again in a minute");
      }
    }
    String code = randomToken(random);
    live.put(code, new Entry<>(value, now.plus(lifetime)));
    return code;
  }

  /** The value of {@code code} when it is live; the code is spent either way. */
  public Optional<T> redeem(String code) {
    if (code == null || code.isEmpty()) {
      return Optional.empty();
    }
    Entry<T> entry = live.remove(code);
    if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** 32 random bytes, base64url without padding. */
  public static String randomToken(SecureRandom random) {
    byte[] bytes = new byte[CODE_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
