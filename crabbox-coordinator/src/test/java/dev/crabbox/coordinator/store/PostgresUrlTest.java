package dev.crabbox.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void readsEveryPart() {
    PostgresUrl url = PostgresUrl.parse("postgresql://crab:s3cret@db.example:6543/crabbox");
    assertEquals("db.example", url.host());
    assertEquals(6543, url.port());
    assertEquals("crabbox", url.database());
    assertEquals("crab", url.user());
    assertEquals("s3cret", url.password());
    assertEquals("jdbc:postgresql://db.example:6543/crabbox", url.jdbcUrl());
  }

  @Test
  void defaultsThePortTakesPostgresSchemeAndDecodesEscapes() {
    PostgresUrl url = PostgresUrl.parse("postgres://crab%40ops:p%3Aw%2Bd+@[::1]/my%20db");
    assertEquals(PostgresUrl.DEFAULT_PORT, url.port());
    assertEquals("::1", url.host());
    assertEquals("crab@ops", url.user());
    assertEquals("p:w+d+", url.password());
    assertEquals("my db", url.database());
    assertEquals("jdbc:postgresql://[::1]:5432/my%20db", url.jdbcUrl());
  }

  @Test
  void aPasswordCanComeFromElsewhereAndIsNeverShown() {
    PostgresUrl bare = PostgresUrl.parse("postgresql://crab@127.0.0.1:5432/crabbox");
    assertFalse(bare.hasPassword());
    assertNull(bare.password());
    PostgresUrl withPassword = bare.withPassword("hunter2");
    assertEquals("hunter2", withPassword.password());
    assertEquals("postgresql://crab@127.0.0.1:5432/crabbox", withPassword.toString());
    assertFalse(PostgresUrl.parse("postgresql://crab:hunter2@h/db").toString().contains("hunter2"));
  }

  @Test
  void badUrlsSayWhatIsWrongWithoutRepeatingThePassword() {
    assertInvalid("", "is empty");
    assertInvalid("mysql://crab:hunter2@h/db", "must start with postgresql://");
    assertInvalid("postgresql:///db", "names no host");
    assertInvalid("postgresql://crab:hunter2@h", "must name one database");
    assertInvalid("postgresql://crab:hunter2@h/a/b", "must name one database");
    assertInvalid("postgresql://h:5432/db", "names no user");
    assertInvalid("postgresql://crab:hunter2@h:99999/db", "port 99999");
    assertInvalid("postgresql://crab:hunter2@h/db?sslmode=require", "must not have ?parameters");
    assertInvalid("postgresql://crab:hunter 2@h/db", "cannot be read as a URL");
  }

  private static void assertInvalid(String text, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostgresUrl.parse(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains("postgresql://user:password@host:5432/database"),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter"), e.getMessage());
  }
}
