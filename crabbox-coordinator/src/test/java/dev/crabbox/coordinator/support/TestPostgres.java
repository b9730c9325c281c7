package dev.crabbox.coordinator.support;

import static org.junit.jupiter.api.Assertions.fail;

import dev.crabbox.coordinator.store.PostgresUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server the PostgreSQL tests run against, named by {@value #URL_ENV} (a
 * superuser's URL, e.g. from {@code .ci/postgres-test-server start}). Each test gets a database of
 * its own, created fresh and dropped afterwards. Without the variable the tests fail when
 * {@code CI} is set (CI must never silently skip them) and are skipped, loudly, otherwise.
 */
public final class TestPostgres {

  public static final String URL_ENV = "CRABBOX_TEST_PG_URL";

  private TestPostgres() {}

  /** The server's admin URL; fails (CI) or aborts the test (elsewhere) when none is configured. */
  public static PostgresUrl adminUrl() {
    String url = System.getenv(URL_ENV);
    if (url == null || url.isBlank()) {
      String why = URL_ENV + " is not set, so the PostgreSQL store tests cannot run; start a "
          + "server with: export " + URL_ENV + "=\"$(bash .ci/postgres-test-server start)\"";
      if (System.getenv("CI") != null) {
        fail("CI is set and " + why);
      }
      System.err.println("*** SKIPPING PostgreSQL tests: " + why);
      Assumptions.abort(why);
    }
    return PostgresUrl.parse(url);
  }

  /** Creates an empty database on the server and returns its URL (same user and password). */
  public static Future<PostgresUrl> createDatabase(Vertx vertx) {
    PostgresUrl admin = adminUrl();
    String name = "crabbox_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return onAdmin(vertx, admin, "CREATE DATABASE " + name)
        .map(created -> PostgresUrl.parse("postgresql://" + admin.user() + "@" + admin.host() + ":"
            + admin.port() + "/" + name).withPassword(admin.password()));
  }

  /** Drops a database made by {@link #createDatabase}, closing what is still connected to it. */
  public static Future<Void> dropDatabase(Vertx vertx, PostgresUrl database) {
    return onAdmin(vertx, adminUrl(), "DROP DATABASE IF EXISTS " + database.database()
        + " WITH (FORCE)");
  }

  private static Future<Void> onAdmin(Vertx vertx, PostgresUrl admin, String statement) {
    PgConnectOptions options = new PgConnectOptions().setHost(admin.host()).setPort(admin.port())
        .setDatabase(admin.database()).setUser(admin.user()).setPassword(admin.password());
    return PgConnection.connect(vertx, options).compose(connection -> connection.query(statement)
        .execute()
        .<Void>mapEmpty()
        .eventually(connection::close));
  }
}
