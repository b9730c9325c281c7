package dev.crabbox.cli.coordinator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.coordinator.store.PostgresUrl;
import dev.crabbox.coordinator.support.Await;
import dev.crabbox.coordinator.support.TestPostgres;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coordinator serve --store h2|postgres --pg-url}: choosing the store, and its mistakes. */
class CoordinatorServeStoreTest {
  private static final String NL = System.lineSeparator();

  @TempDir
  Path home;

  private CliRunner.Result serve(CliRunner runner, String... args) {
    String[] all = new String[args.length + 6];
    all[0] = "coordinator";
    all[1] = "serve";
    all[2] = "--port";
    all[3] = "0";
    all[4] = "--data";
    all[5] = home.resolve("data").toString();
    System.arraycopy(args, 0, all, 6, args.length);
    return runner.run(all);
  }

  @Test
  void postgresWithoutAUrlIsAUsageError() {
    CliRunner.Result result = serve(new CliRunner(home), "--store", "postgres");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --store postgres needs --pg-url postgresql://user@host:port/database" + NL,
        result.err());
  }

  @Test
  void anUnknownStoreIsAUsageError() {
    CliRunner.Result result = serve(new CliRunner(home), "--store", "mysql");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --store: unknown store 'mysql'; choose h2 or postgres" + NL, result.err());
  }

  @Test
  void aUrlWithoutPostgresIsAUsageError() {
    CliRunner.Result result = serve(new CliRunner(home), "--pg-url", "postgresql://u@h/db");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --pg-url is only used with --store postgres" + NL, result.err());
  }

  @Test
  void aBadUrlIsAUsageErrorThatNeverRepeatsThePassword() {
    CliRunner.Result result = serve(new CliRunner(home), "--store", "postgres",
        "--pg-url", "postgresql://crab:hunter2@db.example:5432");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("crabbox: --pg-url: the PostgreSQL URL must name one database as its path, e.g. "
        + "/crabbox (expected postgresql://user:password@host:5432/database)" + NL, result.err());
  }

  @Test
  void aWrongPasswordIsAFatalSetupErrorThatNeverShowsIt() {
    PostgresUrl admin = TestPostgres.adminUrl();
    String url = "postgresql://" + admin.user() + ":not-the-password@" + admin.host() + ":"
        + admin.port() + "/" + admin.database();

    CliRunner.Result result = serve(new CliRunner(home), "--store", "postgres", "--pg-url", url);

    assertEquals(ExitCodes.FATAL, result.exitCode(), result.err());
    assertTrue(result.err().contains("cannot use the PostgreSQL store postgresql://" + admin.user()
        + "@" + admin.host() + ":" + admin.port() + "/" + admin.database() + ": "), result.err());
    assertTrue(result.err().contains("password authentication failed"), result.err());
    assertFalse(result.err().contains("not-the-password"), result.err());
  }

  @Test
  void servesOnPostgresWithThePasswordFromTheEnvironment() throws Exception {
    Vertx vertx = Vertx.vertx();
    PostgresUrl database = Await.result(TestPostgres.createDatabase(vertx));
    try {
      String bare = "postgresql://" + database.user() + "@" + database.host() + ":"
          + database.port() + "/" + database.database();
      CliRunner server = new CliRunner(home).env("CRABBOX_PG_PASSWORD", database.password());
      CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(
          () -> serve(server, "--store", "postgres", "--pg-url", bare));

      await().atMost(Duration.ofSeconds(30)).until(() -> server.err().contains("listening on"));
      assertTrue(server.err().contains("store PostgreSQL " + bare + ")"), server.err());

      server.shutdown().trigger();
      CliRunner.Result result = run.get(30, TimeUnit.SECONDS);
      assertEquals(ExitCodes.OK, result.exitCode(), result.err());
      assertFalse(result.err().contains(database.password()), result.err());
    } finally {
      Await.result(TestPostgres.dropDatabase(vertx, database));
      Await.result(vertx.close());
    }
  }
}
