package dev.crabbox.coordinator.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Run, event, log, telemetry and JUnit queries over a SQL client pool (portable SQL). Appends to
 * a run lock its row ({@code SELECT … FOR UPDATE}) so that they never race its finish.
 */
final class JdbcRuns {

  private static final String RUN_COLUMNS = "id, lease_id, lease_slug, owner, org, provider, "
      + "command, state, started_at, ended_at, exit_code";
  private static final String TELEMETRY_COLUMNS = "lease_id, run_id, recorded_at, load1, "
      + "memory_percent, disk_percent";

  private final Pool pool;
  private final SqlDialect dialect;

  JdbcRuns(Pool pool, SqlDialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  Future<Void> insert(RunRecord r) {
    return pool.preparedQuery(dialect.sql("INSERT INTO runs (" + RUN_COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .execute(Tuple.from(Arrays.asList(r.id(), r.leaseId(), r.leaseSlug(), r.owner(), r.org(),
            r.provider(), r.command(), r.state().wire(), Rows.millis(r.startedAt()),
            Rows.millis(r.endedAt()), r.exitCode())))
        .mapEmpty();
  }

  Future<Optional<RunRecord>> find(String id) {
    return pool.preparedQuery(dialect.sql("SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?"))
        .execute(Tuple.of(id))
        .map(rows -> JdbcLeases.first(rows).map(JdbcRuns::run));
  }

  Future<List<RunRecord>> ofLease(String leaseId) {
    return pool.preparedQuery(dialect.sql("SELECT " + RUN_COLUMNS + " FROM runs WHERE lease_id = ? "
            + "ORDER BY started_at DESC, id DESC"))
        .execute(Tuple.of(leaseId))
        .map(rows -> {
          List<RunRecord> out = new ArrayList<>(rows.size());
          rows.forEach(row -> out.add(run(row)));
          return out;
        });
  }

  Future<Boolean> finish(String id, RunState state, int exitCode, Instant endedAt) {
    return pool.preparedQuery(dialect.sql("UPDATE runs SET state = ?, ended_at = ?, exit_code = ? "
            + "WHERE id = ? AND state = ?"))
        .execute(Tuple.of(state.wire(), Rows.millis(endedAt), exitCode, id,
            RunState.RUNNING.wire()))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> appendEvents(String runId, List<RunEvent> events) {
    List<Tuple> inserts = new ArrayList<>(events.size());
    events.forEach(e -> inserts.add(Tuple.of(runId, e.type(), Rows.millis(e.at()), e.data())));
    return pool.withTransaction(conn -> lockRunning(conn, runId).compose(running -> {
      if (!running) {
        return Future.succeededFuture(false);
      }
      if (inserts.isEmpty()) {
        return Future.succeededFuture(true);
      }
      return conn.preparedQuery(dialect.sql(
          "INSERT INTO run_events (run_id, event_type, recorded_at, data) "
          + "VALUES (?, ?, ?, ?)")).executeBatch(inserts).map(true);
    }));
  }

  Future<List<RunEvent>> events(String runId) {
    return pool.preparedQuery(dialect.sql(
            "SELECT seq, event_type, recorded_at, data FROM run_events "
            + "WHERE run_id = ? ORDER BY seq"))
        .execute(Tuple.of(runId))
        .map(rows -> {
          List<RunEvent> out = new ArrayList<>(rows.size());
          rows.forEach(row -> out.add(new RunEvent(row.getLong("seq"), row.getString("event_type"),
              Rows.instant(row, "recorded_at"), row.getString("data"))));
          return out;
        });
  }

  Future<Optional<Long>> appendLog(String runId, String text, long limit) {
    List<Tuple> inserts = new ArrayList<>();
    for (String piece : LogTail.pieces(text, LogTail.MAX_CHUNK_CHARS)) {
      inserts.add(Tuple.of(runId, piece.getBytes(StandardCharsets.UTF_8).length, piece));
    }
    return pool.withTransaction(conn -> lockRunning(conn, runId).compose(running -> {
      if (!running) {
        return Future.succeededFuture(Optional.<Long>empty());
      }
      Future<?> inserted = inserts.isEmpty()
          ? Future.succeededFuture()
          : conn.preparedQuery(dialect.sql("INSERT INTO run_log_chunks (run_id, byte_count, chunk) "
              + "VALUES (?, ?, ?)")).executeBatch(inserts);
      return inserted
          .compose(done -> conn.preparedQuery(dialect.sql(
              "SELECT seq, byte_count FROM run_log_chunks "
              + "WHERE run_id = ? ORDER BY seq")).execute(Tuple.of(runId)))
          .compose(chunks -> trim(conn, chunks, limit))
          .map(Optional::of);
    }));
  }

  /** Drops whole chunks from the front, then cuts into the first kept one; the bytes kept. */
  private Future<Long> trim(SqlConnection conn, RowSet<Row> chunks, long limit) {
    long total = 0;
    for (Row row : chunks) {
      total += row.getInteger("byte_count");
    }
    if (total <= limit) {
      return Future.succeededFuture(total);
    }
    long excess = total - limit;
    long kept = total;
    List<Tuple> deletes = new ArrayList<>();
    Long partial = null;
    for (Row row : chunks) {
      int bytes = row.getInteger("byte_count");
      if (excess <= 0) {
        break;
      }
      if (bytes <= excess) {
        deletes.add(Tuple.of(row.getLong("seq")));
        excess -= bytes;
        kept -= bytes;
      } else {
        partial = row.getLong("seq");
        break;
      }
    }
    Future<?> deleted = deletes.isEmpty()
        ? Future.succeededFuture()
        : conn.preparedQuery(dialect.sql(
                "DELETE FROM run_log_chunks WHERE seq = ?")).executeBatch(deletes);
    if (partial == null) {
      long answer = kept;
      return deleted.map(answer);
    }
    long cutFrom = excess;
    long keptBefore = kept;
    Long seq = partial;
    return deleted
        .compose(done -> conn.preparedQuery(dialect.sql(
                "SELECT chunk FROM run_log_chunks WHERE seq = ?"))
            .execute(Tuple.of(seq)))
        .compose(rows -> {
          byte[] bytes = rows.iterator().next().getString("chunk").getBytes(StandardCharsets.UTF_8);
          int cut = LogTail.cutPoint(bytes, cutFrom);
          long remaining = keptBefore - cut;
          if (cut >= bytes.length) {
            return conn.preparedQuery(dialect.sql("DELETE FROM run_log_chunks WHERE seq = ?"))
                .execute(Tuple.of(seq)).map(remaining);
          }
          String rest = new String(bytes, cut, bytes.length - cut, StandardCharsets.UTF_8);
          return conn.preparedQuery(dialect.sql(
                  "UPDATE run_log_chunks SET chunk = ?, byte_count = ? "
                  + "WHERE seq = ?"))
              .execute(Tuple.of(rest, bytes.length - cut, seq)).map(remaining);
        });
  }

  Future<String> log(String runId) {
    return pool.preparedQuery(dialect.sql(
            "SELECT chunk FROM run_log_chunks WHERE run_id = ? ORDER BY seq"))
        .execute(Tuple.of(runId))
        .map(rows -> {
          StringBuilder out = new StringBuilder();
          rows.forEach(row -> out.append(row.getString("chunk")));
          return out.toString();
        });
  }

  Future<Boolean> addTelemetry(TelemetrySample s, int keepPerLease) {
    return pool.withTransaction(conn -> lockRunning(conn, s.runId()).compose(running -> {
      if (!running) {
        return Future.succeededFuture(false);
      }
      return conn.preparedQuery(dialect.sql(
              "INSERT INTO lease_telemetry (" + TELEMETRY_COLUMNS + ") "
              + "VALUES (?, ?, ?, ?, ?, ?)"))
          .execute(Tuple.of(s.leaseId(), s.runId(), Rows.millis(s.at()), s.load1(),
              s.memoryPercent(), s.diskPercent()))
          .compose(inserted -> conn.preparedQuery(dialect.sql(
                  "DELETE FROM lease_telemetry WHERE lease_id = ? "
                  + "AND seq NOT IN (SELECT seq FROM lease_telemetry WHERE lease_id = ? "
                  + "ORDER BY recorded_at DESC, seq DESC LIMIT " + keepPerLease + ")"))
              .execute(Tuple.of(s.leaseId(), s.leaseId())))
          .map(true);
    }));
  }

  Future<List<TelemetrySample>> telemetryOfRun(String runId) {
    return telemetry("run_id", runId);
  }

  Future<List<TelemetrySample>> telemetryOfLease(String leaseId) {
    return telemetry("lease_id", leaseId);
  }

  private Future<List<TelemetrySample>> telemetry(String column, String value) {
    return pool.preparedQuery(dialect.sql(
            "SELECT " + TELEMETRY_COLUMNS + " FROM lease_telemetry WHERE "
            + column + " = ? ORDER BY recorded_at, seq"))
        .execute(Tuple.of(value))
        .map(rows -> {
          List<TelemetrySample> out = new ArrayList<>(rows.size());
          rows.forEach(row -> out.add(new TelemetrySample(row.getString("lease_id"),
              row.getString("run_id"), Rows.instant(row, "recorded_at"), row.getDouble("load1"),
              row.getDouble("memory_percent"), row.getDouble("disk_percent"))));
          return out;
        });
  }

  Future<Void> putJunit(String runId, JunitSummary j) {
    return pool.withTransaction(conn -> conn
        .preparedQuery(dialect.sql("DELETE FROM run_junit WHERE run_id = ?"))
        .execute(Tuple.of(runId))
        .compose(deleted -> conn.preparedQuery(dialect.sql(
                "INSERT INTO run_junit (run_id, suites, tests, "
                + "failures, errors, skipped, time_seconds, failed_tests) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
            .execute(Tuple.from(Arrays.asList(runId, j.suites(), j.tests(), j.failures(),
                j.errors(), j.skipped(), j.timeSeconds(),
                new JsonArray(new ArrayList<Object>(j.failedTests())).encode()))))
        .mapEmpty());
  }

  Future<Optional<JunitSummary>> junit(String runId) {
    return pool.preparedQuery(dialect.sql(
            "SELECT suites, tests, failures, errors, skipped, time_seconds, "
            + "failed_tests FROM run_junit WHERE run_id = ?"))
        .execute(Tuple.of(runId))
        .map(rows -> JdbcLeases.first(rows).map(row -> {
          List<String> failed = new ArrayList<>();
          new JsonArray(row.getString("failed_tests")).forEach(name -> failed.add((String) name));
          return new JunitSummary(row.getInteger("suites"), row.getInteger("tests"),
              row.getInteger("failures"), row.getInteger("errors"), row.getInteger("skipped"),
              row.getDouble("time_seconds"), failed);
        }));
  }

  /** Locks the run's row for this transaction; true when the run exists and is running. */
  private Future<Boolean> lockRunning(SqlConnection conn, String runId) {
    return conn.preparedQuery(dialect.sql("SELECT state FROM runs WHERE id = ? FOR UPDATE"))
        .execute(Tuple.of(runId))
        .map(rows -> JdbcLeases.first(rows)
            .map(row -> RunState.RUNNING.wire().equals(row.getString("state")))
            .orElse(false));
  }

  private static RunRecord run(Row row) {
    return new RunRecord(
        row.getString("id"),
        row.getString("lease_id"),
        row.getString("lease_slug"),
        row.getString("owner"),
        row.getString("org"),
        row.getString("provider"),
        row.getString("command"),
        RunState.parse(row.getString("state")),
        Rows.instant(row, "started_at"),
        Rows.instant(row, "ended_at"),
        row.getInteger("exit_code"));
  }
}
