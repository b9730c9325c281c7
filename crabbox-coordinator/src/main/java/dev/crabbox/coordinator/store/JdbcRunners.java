package dev.crabbox.coordinator.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * External runner queries over a SQL client pool (portable SQL). A sync runs in one transaction: it
 * locks the rows it reports, updates those that exist, inserts the rest, then marks the owner's
 * unreported rows of that provider stale.
 */
final class JdbcRunners {

  private static final String COLUMNS = "provider, runner_id, runner_name, owner, org, "
      + "runner_status, repo, workflow, actions_run_id, job_name, labels, created_at, started_at, "
      + "first_seen_at, last_seen_at, stale, stale_since";
  private static final String ORDER = " ORDER BY last_seen_at DESC, provider, runner_id";

  private final Pool pool;
  private final SqlDialect dialect;

  JdbcRunners(Pool pool, SqlDialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  Future<RunnerSync> sync(String provider, String owner, String org, List<RunnerRecord> seen,
      Instant now) {
    List<String> ids = new ArrayList<>(seen.size());
    seen.forEach(r -> ids.add(r.id()));
    return pool.withTransaction(conn -> existing(conn, provider, ids).compose(known -> {
      List<Tuple> updates = new ArrayList<>();
      List<Tuple> inserts = new ArrayList<>();
      for (RunnerRecord r : seen) {
        if (known.contains(r.id())) {
          updates.add(Tuple.from(Arrays.asList(r.name(), org, r.status(), r.repo(),
              r.workflow(), r.runId(), r.job(), labels(r.labels()), Rows.millis(r.createdAt()),
              Rows.millis(r.startedAt()), Rows.millis(now), provider, r.id(), owner)));
        } else {
          inserts.add(Tuple.from(Arrays.asList(provider, r.id(), r.name(), owner, org,
              r.status(), r.repo(), r.workflow(), r.runId(), r.job(), labels(r.labels()),
              Rows.millis(r.createdAt()), Rows.millis(r.startedAt()), Rows.millis(now),
              Rows.millis(now), false, null)));
        }
      }
      Future<?> updated = updates.isEmpty()
          ? Future.succeededFuture()
          // Only the caller's own rows: reporting another user's runner id must not move that
          // runner to the reporter and out of its owner's sight.
          : conn.preparedQuery(dialect.sql("UPDATE runners SET runner_name = ?, org = ?, "
              + "runner_status = ?, repo = ?, workflow = ?, actions_run_id = ?, job_name = ?, "
              + "labels = ?, created_at = ?, started_at = ?, last_seen_at = ?, stale = FALSE, "
              + "stale_since = NULL WHERE provider = ? AND runner_id = ? AND owner = ?"))
              .executeBatch(updates);
      return updated
          .compose(done -> inserts.isEmpty()
              ? Future.succeededFuture()
              : conn.preparedQuery(dialect.sql("INSERT INTO runners (" + COLUMNS + ") VALUES "
                  + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")).executeBatch(inserts))
          .compose(done -> markStale(conn, provider, owner, ids, now))
          .map(stale -> new RunnerSync(seen.size(), stale));
    }));
  }

  /** The ids among {@code ids} that already have a row, locked for this transaction. */
  private Future<Set<String>> existing(SqlConnection conn, String provider,
      List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Collections.emptySet());
    }
    List<Object> params = new ArrayList<>(ids.size() + 1);
    params.add(provider);
    params.addAll(ids);
    return conn.preparedQuery(dialect.sql(
            "SELECT runner_id FROM runners WHERE provider = ? AND runner_id IN ("
            + placeholders(ids.size()) + ") FOR UPDATE"))
        .execute(Tuple.from(params))
        .map(rows -> {
          Set<String> out = new HashSet<>();
          rows.forEach(row -> out.add(row.getString("runner_id")));
          return out;
        });
  }

  private Future<Integer> markStale(SqlConnection conn, String provider, String owner,
      List<String> seenIds, Instant now) {
    List<Object> params = new ArrayList<>(seenIds.size() + 3);
    params.add(Rows.millis(now));
    params.add(provider);
    params.add(owner);
    params.addAll(seenIds);
    String notSeen = seenIds.isEmpty()
        ? ""
        : " AND runner_id NOT IN (" + placeholders(seenIds.size()) + ")";
    return conn.preparedQuery(dialect.sql("UPDATE runners SET stale = TRUE, stale_since = ? "
            + "WHERE provider = ? AND owner = ? AND stale = FALSE" + notSeen))
        .execute(Tuple.from(params))
        .map(RowSet::rowCount);
  }

  Future<Optional<RunnerRecord>> find(String provider, String id) {
    return pool.preparedQuery(dialect.sql("SELECT " + COLUMNS + " FROM runners WHERE provider = ? "
            + "AND runner_id = ?"))
        .execute(Tuple.of(provider, id))
        .map(rows -> JdbcLeases.first(rows).map(JdbcRunners::runner));
  }

  Future<List<RunnerRecord>> list(String provider, String owner) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM runners WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (provider != null) {
      sql.append(" AND provider = ?");
      params.add(provider);
    }
    if (owner != null) {
      sql.append(" AND owner = ?");
      params.add(owner);
    }
    return pool.preparedQuery(dialect.sql(sql + ORDER))
        .execute(Tuple.from(params))
        .map(rows -> {
          List<RunnerRecord> out = new ArrayList<>(rows.size());
          rows.forEach(row -> out.add(runner(row)));
          return out;
        });
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static String labels(Map<String, String> labels) {
    return new JsonObject(new LinkedHashMap<String, Object>(labels)).encode();
  }

  private static RunnerRecord runner(Row row) {
    Map<String, String> labels = new LinkedHashMap<>();
    new JsonObject(row.getString("labels")).forEach(e -> labels.put(e.getKey(),
        String.valueOf(e.getValue())));
    return new RunnerRecord(
        row.getString("provider"),
        row.getString("runner_id"),
        row.getString("runner_name"),
        row.getString("owner"),
        row.getString("org"),
        row.getString("runner_status"),
        row.getString("repo"),
        row.getString("workflow"),
        row.getString("actions_run_id"),
        row.getString("job_name"),
        labels,
        Rows.instant(row, "created_at"),
        Rows.instant(row, "started_at"),
        Rows.instant(row, "first_seen_at"),
        Rows.instant(row, "last_seen_at"),
        Boolean.TRUE.equals(row.getBoolean("stale")),
        Rows.instant(row, "stale_since"));
  }
}
