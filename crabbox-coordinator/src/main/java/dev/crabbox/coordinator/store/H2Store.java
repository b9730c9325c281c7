package dev.crabbox.coordinator.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded default store: an H2 database file in the coordinator's data directory, accessed
 * through vertx-jdbc-client (JDBC runs on worker threads, never on the caller's event loop).
 */
public final class H2Store extends SqlStore {

  /** Database file name in the data directory (H2 adds {@code .mv.db}). */
  public static final String DATABASE_NAME = "coordinator";
  private static final String USER = "crabbox";
  private static final String PASSWORD = "";
  private static final int POOL_SIZE = 4;

  private final Vertx vertx;
  private final JdbcDataSource dataSource;
  private final Pool pool;

  private H2Store(Vertx vertx, JdbcDataSource dataSource, Pool pool) {
    super(pool, SqlDialect.H2);
    this.vertx = vertx;
    this.dataSource = dataSource;
    this.pool = pool;
  }

  /** Migrates the schema (on a worker thread) and opens the pool. */
  public static Future<H2Store> open(Vertx vertx, Path dataDir) {
    String url = jdbcUrl(dataDir);
    return vertx.executeBlocking(() -> {
      Migrations.migrate(url, USER, PASSWORD);
      return url;
    }).map(migrated -> {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(migrated);
      h2.setUser(USER);
      h2.setPassword(PASSWORD);
      return new H2Store(vertx, h2, JDBCPool.pool(vertx, new AutoCommitRestoringDataSource(h2),
          new PoolOptions().setMaxSize(POOL_SIZE)));
    });
  }

  /** Lower-case identifiers so that rows read the same as on PostgreSQL. */
  static String jdbcUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(DATABASE_NAME)
        + ";DATABASE_TO_LOWER=TRUE";
  }

  /**
   * Closes the pool, then shuts the database down so that its files are released when the
   * future completes (a restart in the same JVM, or deleting the directory, works at once).
   */
  @Override
  public Future<Void> close() {
    return pool.close().transform(closed -> vertx.executeBlocking(() -> {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
      return null;
    })).mapEmpty();
  }
}
