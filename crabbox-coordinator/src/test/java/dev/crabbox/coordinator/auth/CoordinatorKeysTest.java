package dev.crabbox.coordinator.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.impl.jose.JWT;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class CoordinatorKeysTest {

  @Test
  void createsOwnerOnlyKeyFilesOnceAndReusesThem(@TempDir Path parent) throws Exception {
    Path dir = parent.resolve("data");
    CoordinatorKeys first = CoordinatorKeys.loadOrCreate(dir, new MutableClock());
    assertTrue(first.created());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    for (String file : new String[] {CoordinatorKeys.SIGNING_KEY_FILE, CoordinatorKeys.ADMIN_TOKEN_FILE}) {
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir.resolve(file))), file);
    }
    assertEquals(List.of(), leftovers(dir));

    CoordinatorKeys second = CoordinatorKeys.loadOrCreate(dir, new MutableClock());
    assertFalse(second.created());
    assertEquals(first.adminToken(), second.adminToken());
  }

  private static List<Path> leftovers(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  void mintsTokensWithOwnerOrgRoleAndIssueTime(@TempDir Path dir) {
    MutableClock clock = new MutableClock();
    CoordinatorKeys keys = CoordinatorKeys.loadOrCreate(dir, clock);
    String token = keys.mintToken("alice", "acme", Role.USER);
    JsonObject claims = JWT.parse(token).getJsonObject("payload");
    assertEquals("alice", claims.getString("sub"));
    assertEquals("acme", claims.getString("org"));
    assertEquals("user", claims.getString("role"));
    assertEquals(MutableClock.START.getEpochSecond(), claims.getLong("iat"));
    assertFalse(claims.containsKey("exp"));
    JsonObject admin = JWT.parse(keys.adminToken()).getJsonObject("payload");
    assertEquals("admin", admin.getString("sub"));
    assertEquals("", admin.getString("org"));
    assertEquals("admin", admin.getString("role"));
    assertThrows(IllegalArgumentException.class, () -> keys.mintToken(" ", "", Role.USER));
  }

  @Test
  void theVerifierAcceptsOnlyTokensOfThisKey(Vertx vertx, @TempDir Path one, @TempDir Path two) {
    CoordinatorKeys keys = CoordinatorKeys.loadOrCreate(one, new MutableClock());
    CoordinatorKeys otherKeys = CoordinatorKeys.loadOrCreate(two, new MutableClock());
    assertNotEquals(keys.adminToken(), otherKeys.adminToken());
    TokenVerifier verifier = new JwtTokenVerifier(vertx, keys);

    assertEquals(new Caller("bob", "acme", Role.USER),
        Await.result(verifier.verify(keys.mintToken("bob", "acme", Role.USER))));
    assertEquals(new Caller("admin", "", Role.ADMIN), Await.result(verifier.verify(keys.adminToken())));
    Await.failure(verifier.verify(otherKeys.adminToken()));
    Await.failure(verifier.verify("garbage"));
    Await.failure(verifier.verify(""));
  }

  @Test
  void rolesParseFromTheWire() {
    assertEquals(Role.ADMIN, Role.parse("Admin"));
    assertEquals("user", Role.USER.wire());
    assertThrows(IllegalArgumentException.class, () -> Role.parse("root"));
  }
}
