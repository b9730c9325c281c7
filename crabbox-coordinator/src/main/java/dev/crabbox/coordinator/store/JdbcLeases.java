package dev.crabbox.coordinator.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lease and share queries over a SQL client pool, in portable SQL with {@code ?} placeholders that
 * the store's {@link SqlDialect} adapts to its client.
 */
final class JdbcLeases {

  private static final String LEASE_COLUMNS = "id, slug, owner, org, provider, target, state, "
      + "label_desktop, label_browser, label_code, ttl_ms, idle_ms, created_at, updated_at, "
      + "touched_at, expires_at, server_type, region, ssh_host, ssh_port, ssh_user, ssh_host_key, "
      + "cost_hourly, cost_currency, provider_ref, failure, cleanup_pending, provision_inputs";
  private static final String LEASE_PLACEHOLDERS =
      String.join(", ", Collections.nCopies(LEASE_COLUMNS.split(",").length, "?"));
  private static final String MACHINE_SET = "server_type = ?, region = ?, ssh_host = ?, "
      + "ssh_port = ?, ssh_user = ?, ssh_host_key = ?, cost_hourly = ?, cost_currency = ?, "
      + "provider_ref = ?";

  private final Pool pool;
  private final SqlDialect dialect;

  JdbcLeases(Pool pool, SqlDialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  Future<Void> insert(LeaseRecord l) {
    return pool.preparedQuery(dialect.sql("INSERT INTO leases (" + LEASE_COLUMNS + ") VALUES ("
            + LEASE_PLACEHOLDERS + ")"))
        .execute(Tuple.from(insertValues(l)))
        .<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(dialect.isDuplicateKey(failure)
            ? new DuplicateKeyException("lease id or slug taken: " + l.id() + " " + l.slug(),
                failure)
            : failure));
  }

  Future<Optional<LeaseRecord>> find(String idOrSlug) {
    return pool.preparedQuery(dialect.sql(
            "SELECT " + LEASE_COLUMNS + " FROM leases WHERE id = ? OR slug = ?"))
        .execute(Tuple.of(idOrSlug, idOrSlug))
        .map(rows -> first(rows).map(Rows::lease));
  }

  Future<Set<String>> slugsStartingWith(String baseSlug) {
    String pattern = baseSlug.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%";
    return pool.preparedQuery(dialect.sql(
            "SELECT slug FROM leases WHERE slug = ? OR slug LIKE ? ESCAPE '\\'"))
        .execute(Tuple.of(baseSlug, pattern))
        .map(rows -> {
          Set<String> slugs = new HashSet<>();
          rows.forEach(row -> slugs.add(row.getString("slug")));
          return slugs;
        });
  }

  Future<List<LeaseRecord>> all() {
    return pool.query("SELECT " + LEASE_COLUMNS + " FROM leases ORDER BY created_at DESC, id")
        .execute()
        .map(JdbcLeases::leases);
  }

  Future<List<LeaseRecord>> visibleTo(String owner, String org) {
    return pool.preparedQuery(dialect.sql(
            "SELECT " + LEASE_COLUMNS + " FROM leases l WHERE l.owner = ? "
            + "OR EXISTS (SELECT 1 FROM lease_shares s WHERE s.lease_id = l.id AND "
            + "((s.kind = 'user' AND s.subject = ?) OR (s.kind = 'org' AND s.subject = ? "
            + "AND s.subject <> ''))) ORDER BY l.created_at DESC, l.id"))
        .execute(Tuple.of(owner, owner, org))
        .map(JdbcLeases::leases);
  }

  Future<Boolean> touch(LeaseRecord touched) {
    return pool.preparedQuery(dialect.sql(
            "UPDATE leases SET touched_at = ?, updated_at = ?, expires_at = ? "
            + "WHERE id = ? AND state = ?"))
        .execute(Tuple.of(Rows.millis(touched.touchedAt()), Rows.millis(touched.updatedAt()),
            Rows.millis(touched.expiresAt()), touched.id(), LeaseState.ACTIVE.wire()))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Ending a lease marks its cleanup pending in the same statement, so a crash cannot lose it. */
  Future<Boolean> transition(String leaseId, LeaseState from, LeaseState to, Instant now) {
    return pool.preparedQuery(dialect.sql("UPDATE leases SET state = ?, updated_at = ?, "
            + "cleanup_pending = (cleanup_pending OR ?) WHERE id = ? AND state = ?"))
        .execute(Tuple.of(to.wire(), Rows.millis(now), to.ended(), leaseId, from.wire()))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> activate(LeaseRecord active) {
    List<Object> values = machineValues(active);
    values.addAll(Arrays.asList(LeaseState.ACTIVE.wire(), Rows.millis(active.updatedAt()),
        Rows.millis(active.touchedAt()), Rows.millis(active.expiresAt()), active.id(),
        LeaseState.PROVISIONING.wire()));
    return pool.preparedQuery(dialect.sql(
            "UPDATE leases SET " + MACHINE_SET + ", state = ?, updated_at = ?, "
            + "touched_at = ?, expires_at = ? WHERE id = ? AND state = ?"))
        .execute(Tuple.from(values))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> updateMachine(LeaseRecord lease) {
    List<Object> values = machineValues(lease);
    values.addAll(Arrays.asList(Rows.millis(lease.updatedAt()), lease.id(),
        LeaseState.ACTIVE.wire()));
    return pool.preparedQuery(dialect.sql("UPDATE leases SET " + MACHINE_SET + ", updated_at = ? "
            + "WHERE id = ? AND state = ?"))
        .execute(Tuple.from(values))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> fail(String leaseId, String reason, Instant now) {
    return pool.preparedQuery(dialect.sql(
            "UPDATE leases SET state = ?, failure = ?, updated_at = ?, "
            + "cleanup_pending = TRUE WHERE id = ? AND state = ?"))
        .execute(Tuple.of(LeaseState.FAILED.wire(), reason, Rows.millis(now), leaseId,
            LeaseState.PROVISIONING.wire()))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<List<LeaseRecord>> inState(LeaseState state) {
    return pool.preparedQuery(dialect.sql(
            "SELECT " + LEASE_COLUMNS + " FROM leases WHERE state = ? "
            + "ORDER BY created_at, id"))
        .execute(Tuple.of(state.wire()))
        .map(JdbcLeases::leases);
  }

  Future<List<LeaseRecord>> pendingCleanup() {
    return pool.query("SELECT " + LEASE_COLUMNS + " FROM leases WHERE cleanup_pending = TRUE "
            + "ORDER BY updated_at, id")
        .execute()
        .map(JdbcLeases::leases);
  }

  Future<Void> setCleanupPending(String leaseId, boolean pending) {
    return pool.preparedQuery(dialect.sql("UPDATE leases SET cleanup_pending = ? WHERE id = ?"))
        .execute(Tuple.of(pending, leaseId))
        .mapEmpty();
  }

  private static List<Object> insertValues(LeaseRecord l) {
    List<Object> values = new ArrayList<>(Arrays.asList(l.id(), l.slug(), l.owner(), l.org(),
        l.provider(), l.target(), l.state().wire(), l.desktop(), l.browser(), l.code(),
        l.ttl().toMillis(), l.idleTimeout().toMillis(), Rows.millis(l.createdAt()),
        Rows.millis(l.updatedAt()), Rows.millis(l.touchedAt()), Rows.millis(l.expiresAt())));
    values.addAll(machineValues(l));
    values.addAll(Arrays.asList(l.failure(), l.cleanupPending(), l.inputs().toJson()));
    return values;
  }

  /** server_type .. provider_ref, in MACHINE_SET order; nulls when there is no machine. */
  private static List<Object> machineValues(LeaseRecord l) {
    var m = l.machine();
    if (m == null) {
      return new ArrayList<>(Arrays.asList(null, null, null, null, null, null, null, null,
          l.providerRef()));
    }
    return new ArrayList<>(Arrays.asList(m.serverType(), m.region(), m.ssh().host(),
        m.ssh().port(), m.ssh().user(), m.ssh().hostKey(),
        m.cost() == null ? null : m.cost().hourly().toPlainString(),
        m.cost() == null ? null : m.cost().currency(), l.providerRef()));
  }

  Future<List<LeaseRecord>> dueForExpiry(Instant now) {
    return pool.preparedQuery(dialect.sql("SELECT " + LEASE_COLUMNS + " FROM leases "
            + "WHERE state = ? AND expires_at <= ? ORDER BY expires_at"))
        .execute(Tuple.of(LeaseState.ACTIVE.wire(), Rows.millis(now)))
        .map(JdbcLeases::leases);
  }

  Future<LeaseShares> shares(String leaseId) {
    return pool.preparedQuery(dialect.sql(
            "SELECT kind, subject, access FROM lease_shares WHERE lease_id = ?"))
        .execute(Tuple.of(leaseId))
        .map(rows -> {
          Map<String, ShareAccess> users = new HashMap<>();
          ShareAccess org = null;
          for (Row row : rows) {
            ShareAccess access = ShareAccess.parse(row.getString("access")).orElse(ShareAccess.USE);
            if ("org".equals(row.getString("kind"))) {
              org = access;
            } else {
              users.put(row.getString("subject"), access);
            }
          }
          return new LeaseShares(users, org);
        });
  }

  Future<Void> replaceShares(String leaseId, String leaseOrg, LeaseShares shares) {
    List<Tuple> inserts = new ArrayList<>();
    shares.sortedUsers().forEach((user, access) ->
        inserts.add(Tuple.of(leaseId, "user", user, access.wire())));
    if (shares.org() != null) {
      inserts.add(Tuple.of(leaseId, "org", leaseOrg, shares.org().wire()));
    }
    return pool.withTransaction(conn -> conn
        .preparedQuery(dialect.sql("DELETE FROM lease_shares WHERE lease_id = ?"))
        .execute(Tuple.of(leaseId))
        .compose(deleted -> inserts.isEmpty()
            ? Future.succeededFuture()
            : conn.preparedQuery(dialect.sql(
                "INSERT INTO lease_shares (lease_id, kind, subject, access) "
                + "VALUES (?, ?, ?, ?)")).executeBatch(inserts))
        .mapEmpty());
  }

  static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  private static List<LeaseRecord> leases(RowSet<Row> rows) {
    List<LeaseRecord> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(Rows.lease(row));
    }
    return out;
  }
}
