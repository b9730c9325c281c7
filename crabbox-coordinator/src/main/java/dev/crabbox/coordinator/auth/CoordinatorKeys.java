package dev.crabbox.coordinator.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * The coordinator's signing key and admin token, kept as owner-only files in the data directory
 * (outside the database, so the CLI can read them while the server runs). Pure JDK plus
 * vertx-auth-jwt's JWT signer: no running Vert.x is needed, so {@code crabbox coordinator token}
 * mints tokens offline with the same key the server verifies with.
 *
 * <p>Files: {@code signing-key} (32 random bytes, base64; the HS256 secret) and
 * {@code admin-token} (a JWT for owner {@code admin}, empty org, role admin).
 */
public final class CoordinatorKeys {

  public static final String SIGNING_KEY_FILE = "signing-key";
  public static final String ADMIN_TOKEN_FILE = "admin-token";
  public static final String ALGORITHM = "HS256";
  public static final String ADMIN_OWNER = "admin";

  private static final int KEY_BYTES = 32;

  private final Path dataDir;
  private final byte[] secret;
  private final Clock clock;
  private final JWT signer;
  private final String adminToken;
  private final boolean created;

  private CoordinatorKeys(Path dataDir, byte[] secret, Clock clock, String adminToken,
      boolean created) {
    this.dataDir = dataDir;
    this.secret = secret;
    this.clock = clock;
    this.signer = new JWT().addJWK(new JWK(pubSecKey(secret)));
    this.created = created;
    this.adminToken = adminToken != null ? adminToken : mintToken(ADMIN_OWNER, "", Role.ADMIN);
  }

  /**
   * Loads the key files from {@code dataDir}, creating the directory, a fresh signing key and the
   * admin token when they are absent. Blocking file I/O: call it off the event loop.
   */
  public static CoordinatorKeys loadOrCreate(Path dataDir, Clock clock) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    try {
      KeyFiles.ensureDirectory(dataDir);
      Path keyFile = dataDir.resolve(SIGNING_KEY_FILE);
      boolean created = false;
      String encoded = KeyFiles.read(keyFile).orElse(null);
      if (encoded == null || encoded.isEmpty()) {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        encoded = KeyFiles.createOnce(keyFile, Base64.getEncoder().encodeToString(fresh));
        created = true;
      }
      byte[] secret = decodeKey(keyFile, encoded);
      Path tokenFile = dataDir.resolve(ADMIN_TOKEN_FILE);
      String token = KeyFiles.read(tokenFile).filter(t -> !t.isEmpty()).orElse(null);
      CoordinatorKeys keys = new CoordinatorKeys(dataDir, secret, clock, token, created);
      if (token == null) {
        String stored = KeyFiles.createOnce(tokenFile, keys.adminToken);
        return new CoordinatorKeys(dataDir, secret, clock, stored, true);
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up coordinator keys in " + dataDir + ": "
          + e.getMessage(), e);
    }
  }

  private static byte[] decodeKey(Path keyFile, String encoded) {
    try {
      byte[] secret = Base64.getDecoder().decode(encoded);
      if (secret.length < KEY_BYTES) {
        throw new IllegalStateException(keyFile + " holds a key shorter than " + KEY_BYTES + " bytes");
      }
      return secret;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(keyFile + " is not base64", e);
    }
  }

  /** The key options the coordinator's JWT verifier uses (same secret, HS256). */
  public PubSecKeyOptions verificationKey() {
    return pubSecKey(secret);
  }

  private static PubSecKeyOptions pubSecKey(byte[] secret) {
    return new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(Buffer.buffer(secret));
  }

  /** The admin bearer token (also in the {@code admin-token} file). */
  public String adminToken() {
    return adminToken;
  }

  /** The directory the key files live in. */
  public Path dataDir() {
    return dataDir;
  }

  public Path adminTokenFile() {
    return dataDir.resolve(ADMIN_TOKEN_FILE);
  }

  /** True when this call created the key or the admin token (a first start). */
  public boolean created() {
    return created;
  }

  /**
   * Mints a bearer token: a JWT with claims {@code sub} (owner), {@code org}, {@code role}
   * ({@code user}|{@code admin}) and {@code iat}; no expiry for now.
   */
  public String mintToken(String owner, String org, Role role) {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("owner must not be empty");
    }
    Objects.requireNonNull(role, "role");
    JsonObject claims = new JsonObject()
        .put("sub", owner)
        .put("org", org == null ? "" : org)
        .put("role", role.wire())
        .put("iat", clock.instant().getEpochSecond());
    return signer.sign(claims, new JWTOptions().setAlgorithm(ALGORITHM));
  }

  @Override
  public String toString() {
    return "CoordinatorKeys[" + dataDir + "]";
  }
}
