package dev.crabbox.coordinator.store;

import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * What the SQL clients of the two stores disagree on, so that the query classes (JdbcLeases and
 * friends) share every statement: queries are written once, in portable SQL with JDBC's {@code ?}
 * placeholders, and each store's dialect turns them into what its client takes and reads its
 * client's errors.
 */
enum SqlDialect {

  /** H2 through vertx-jdbc-client: {@code ?} placeholders as written. */
  H2 {
    @Override
    String sql(String portable) {
      return portable;
    }

    @Override
    boolean isDuplicateKey(Throwable failure) {
      return failure instanceof SQLIntegrityConstraintViolationException;
    }
  },

  /** PostgreSQL through vertx-pg-client, which wants numbered {@code $1 .. $n} placeholders. */
  POSTGRESQL {
    @Override
    String sql(String portable) {
      return numberPlaceholders(portable);
    }

    @Override
    boolean isDuplicateKey(Throwable failure) {
      return failure instanceof DatabaseException db && UNIQUE_VIOLATION.equals(db.getSqlState());
    }
  };

  /** PostgreSQL's SQLSTATE of a unique or primary key violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** The statement to hand this dialect's client for portable {@code sql}. */
  abstract String sql(String portable);

  /** Whether a failed statement collided with an existing primary or unique key. */
  abstract boolean isDuplicateKey(Throwable failure);

  /**
   * Numbers the {@code ?} placeholders of {@code sql} in order ({@code $1}, {@code $2}, ...);
   * a {@code ?} inside a string literal, a quoted identifier or a comment is left alone.
   */
  static String numberPlaceholders(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int next = 1;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int end;
      if (c == '\'' || c == '"') {
        end = closingQuote(sql, i, c);
      } else if (c == '-' && sql.startsWith("--", i)) {
        int newline = sql.indexOf('\n', i);
        end = newline < 0 ? sql.length() : newline + 1;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        end = close < 0 ? sql.length() : close + 2;
      } else if (c == '?') {
        out.append('$').append(next++);
        i++;
        continue;
      } else {
        out.append(c);
        i++;
        continue;
      }
      out.append(sql, i, end);
      i = end;
    }
    return out.toString();
  }

  /** Index just past the quote closing the one at {@code open}; a doubled quote is escaped. */
  private static int closingQuote(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
