package dev.crabbox.coordinator.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a database schema up to date with the SQL scripts in {@code db/migration}. Blocking. */
public final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  public static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  public static void migrate(String jdbcUrl, String user, String password) {
    MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(jdbcUrl, user, password)
        .locations(LOCATION)
        .load()
        .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info("database schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }
}
