package dev.crabbox.portal.login;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Random codes that each stand for one value, can be redeemed once, and stop working after a
 * short lifetime on the coordinator's clock. They live in the Vert.x shared-data map
 * {@code name}, which is cluster-wide when the coordinator runs as a cluster: a code minted on
 * one node is redeemed on any node, exactly once (redeeming removes the entry atomically), and a
 * node restart does not void the sign-ins in progress. The map's keys are SHA-256 digests of the
 * codes, so the map never holds a code that would open anything. Entries also carry the map's
 * own expiry, and the number of live codes is bounded (loosely: concurrent mints may pass the
 * check together) so that a flood of unfinished sign-ins cannot grow the map without end.
 *
 * @param <T> what a code stands for
 */
public final class OneUseCodes<T> {

  /** How a value is kept in the shared map: as JSON, which every node can read. */
  public interface Codec<T> {
    JsonObject encode(T value);

    T decode(JsonObject json);
  }

  /** Too many codes are live: a readable refusal, not a fault of the shared map. */
  public static final class TooManyInProgress extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TooManyInProgress() {
      super("too many sign-ins in progress; try again in a minute");
    }
  }

  /** 32 random bytes: unguessable, and short enough for a URL. */
  private static final int CODE_BYTES = 32;
  static final int MAX_LIVE = 10_000;
  private static final String VALUE = "value";
  private static final String EXPIRES_AT = "expiresAt";

  private final SecureRandom random = new SecureRandom();
  private final Vertx vertx;
  private final String name;
  private final Clock clock;
  private final Duration lifetime;
  private final Codec<T> codec;

  /**
   * Codes kept in the shared map {@code name}; every node that must redeem them uses the same
   * name, and each kind of code its own.
   */
  public OneUseCodes(Vertx vertx, String name, Clock clock, Duration lifetime, Codec<T> codec) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("code lifetime must be positive");
    }
    this.vertx = vertx;
    this.name = name;
    this.clock = clock;
    this.lifetime = lifetime;
    this.codec = codec;
  }

  /**
   * A fresh code for {@code value}; fails with {@link TooManyInProgress}, whose message a person
   * can read, when too many codes are live.
   */
  public Future<String> mint(T value) {
    String code = randomToken(random);
    Instant expiresAt = clock.instant().plus(lifetime);
    JsonObject entry = new JsonObject().put(VALUE, codec.encode(value))
        .put(EXPIRES_AT, expiresAt.toEpochMilli());
    return map().compose(map -> roomIn(map)
        .compose(room -> map.put(digest(code), entry, lifetime.toMillis())))
        .map(code);
  }

  /** The value of {@code code} when it is live; the code is spent either way, on every node. */
  public Future<Optional<T>> redeem(String code) {
    if (code == null || code.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return map().compose(map -> map.remove(digest(code))).map(entry -> {
      if (entry == null || !isLive(entry, clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(codec.decode(entry.getJsonObject(VALUE)));
    });
  }

  public Duration lifetime() {
    return lifetime;
  }

  private Future<AsyncMap<String, JsonObject>> map() {
    return vertx.sharedData().getAsyncMap(name);
  }

  /**
   * Succeeds when one more code fits. The map drops entries on its own timer; a full map is
   * first swept of entries the coordinator's clock says are over.
   */
  private Future<Void> roomIn(AsyncMap<String, JsonObject> map) {
    return map.size().compose(size -> {
      if (size < MAX_LIVE) {
        return Future.<Void>succeededFuture();
      }
      return sweep(map).compose(swept -> map.size()).compose(left -> left < MAX_LIVE
          ? Future.<Void>succeededFuture()
          : Future.<Void>failedFuture(new TooManyInProgress()));
    });
  }

  private Future<Void> sweep(AsyncMap<String, JsonObject> map) {
    Instant now = clock.instant();
    return map.entries().compose(entries -> {
      List<Future<JsonObject>> removals = new ArrayList<>();
      entries.forEach((key, entry) -> {
        if (!isLive(entry, now)) {
          removals.add(map.remove(key));
        }
      });
      return Future.all(removals).mapEmpty();
    });
  }

  private static boolean isLive(JsonObject entry, Instant now) {
    return now.isBefore(Instant.ofEpochMilli(entry.getLong(EXPIRES_AT)));
  }

  /** The map key of a code: base64url SHA-256, so the map holds nothing that opens a door. */
  static String digest(String code) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
          .getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** 32 random bytes, base64url without padding. */
  public static String randomToken(SecureRandom random) {
    byte[] bytes = new byte[CODE_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
