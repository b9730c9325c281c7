package dev.crabbox.coordinator.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * The store on a PostgreSQL server, shared by any number of coordinator nodes: vertx-pg-client
 * (non-blocking, no worker threads) over the same queries and the same Flyway migrations as
 * {@link H2Store}. Flyway takes a PostgreSQL advisory lock while it migrates, so nodes starting
 * together migrate once.
 */
public final class PgStore extends SqlStore {

  private static final int POOL_SIZE = 8;

  private final Pool pool;

  private PgStore(Pool pool) {
    super(pool, SqlDialect.POSTGRESQL);
    this.pool = pool;
  }

  /**
   * Migrates the schema (JDBC, on a worker thread), then opens the pool. Fails with a one-line
   * reason (unreachable, wrong password, ...) naming the server without its password.
   */
  public static Future<PgStore> open(Vertx vertx, PostgresUrl url) {
    return vertx.executeBlocking(() -> {
      Migrations.migrate(url.jdbcUrl(), url.user(), url.password());
      return url;
    }).recover(failure -> Future.failedFuture(new IllegalStateException(
        "cannot use the PostgreSQL store " + url + ": " + rootMessage(failure), failure)))
        .map(migrated -> new PgStore(PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(POOL_SIZE))
        .connectingTo(connectOptions(migrated))
        .using(vertx)
        .build()));
  }

  /** The innermost cause's first line: Flyway wraps the driver's reason in a multi-line report. */
  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.strip().lines().findFirst().orElse(message);
  }

  static PgConnectOptions connectOptions(PostgresUrl url) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setCachePreparedStatements(true);
    if (url.hasPassword()) {
      options.setPassword(url.password());
    }
    return options;
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }
}
