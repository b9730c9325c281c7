package dev.crabbox.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

  @Test
  void postgresqlNumbersPlaceholdersInOrder() {
    assertEquals("UPDATE t SET a = $1, b = $2 WHERE id = $3 AND (x OR $4)",
        SqlDialect.POSTGRESQL.sql("UPDATE t SET a = ?, b = ? WHERE id = ? AND (x OR ?)"));
    assertEquals("INSERT INTO t (a, b) VALUES ($1,$2)",
        SqlDialect.POSTGRESQL.sql("INSERT INTO t (a, b) VALUES (?,?)"));
    assertEquals("SELECT 1", SqlDialect.POSTGRESQL.sql("SELECT 1"));
  }

  @Test
  void questionMarksInLiteralsIdentifiersAndCommentsAreNoPlaceholders() {
    assertEquals("SELECT slug FROM leases WHERE slug = $1 OR slug LIKE $2 ESCAPE '\\'",
        SqlDialect.POSTGRESQL.sql("SELECT slug FROM leases WHERE slug = ? OR slug LIKE ? ESCAPE '\\'"));
    assertEquals("SELECT '?', 'it''s ?', \"odd?name\" FROM t WHERE a = $1",
        SqlDialect.POSTGRESQL.sql("SELECT '?', 'it''s ?', \"odd?name\" FROM t WHERE a = ?"));
    assertEquals("SELECT a -- why?\nFROM t /* really? */ WHERE b = $1",
        SqlDialect.POSTGRESQL.sql("SELECT a -- why?\nFROM t /* really? */ WHERE b = ?"));
  }

  @Test
  void h2TakesTheStatementAsWritten() {
    String sql = "UPDATE t SET a = ? WHERE b = '?'";
    assertEquals(sql, SqlDialect.H2.sql(sql));
  }

  @Test
  void eachDialectRecognisesItsOwnDuplicateKeyError() {
    PgException unique = new PgException("duplicate key value", "ERROR", "23505", "Key exists.");
    PgException foreignKey = new PgException("violates foreign key", "ERROR", "23503", null);
    SQLIntegrityConstraintViolationException h2 =
        new SQLIntegrityConstraintViolationException("Unique index violation", "23505");

    assertTrue(SqlDialect.POSTGRESQL.isDuplicateKey(unique));
    assertFalse(SqlDialect.POSTGRESQL.isDuplicateKey(foreignKey));
    assertFalse(SqlDialect.POSTGRESQL.isDuplicateKey(new IllegalStateException("23505")));
    assertTrue(SqlDialect.H2.isDuplicateKey(h2));
    assertFalse(SqlDialect.H2.isDuplicateKey(new SQLException("connection lost", "08006")));
  }
}
