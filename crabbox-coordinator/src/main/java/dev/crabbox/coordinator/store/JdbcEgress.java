package dev.crabbox.coordinator.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Egress session, ticket and resume-secret queries over a SQL client pool (portable SQL). */
final class JdbcEgress {

  private static final String SESSION_COLUMNS =
      "lease_id, session_id, profile, allow_entries, created_at, updated_at, ended_at";
  private static final String TICKET_COLUMNS = "ticket_hash, lease_id, role, session_id, owner, "
      + "org, user_role, created_at, expires_at, consumed_at";
  private static final String SECRET_COLUMNS =
      "secret_hash, lease_id, session_id, role, owner, org, user_role, created_at, consumed_at";

  private final Pool pool;
  private final SqlDialect dialect;

  JdbcEgress(Pool pool, SqlDialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  Future<Optional<EgressSessionRecord>> session(String leaseId) {
    return pool.preparedQuery(dialect.sql(
            "SELECT " + SESSION_COLUMNS + " FROM egress_sessions WHERE lease_id = ?"))
        .execute(Tuple.of(leaseId))
        .map(rows -> JdbcLeases.first(rows).map(Rows::session));
  }

  Future<EgressSessionRecord> startSession(String leaseId, String sessionId, Instant now) {
    EgressSessionRecord fresh =
        new EgressSessionRecord(leaseId, sessionId, "", List.of(), now, now, null);
    Long at = Rows.millis(now);
    return pool.withTransaction(conn -> conn
        .preparedQuery(dialect.sql(
            "UPDATE egress_sessions SET session_id = ?, profile = '', allow_entries = '', "
            + "created_at = ?, updated_at = ?, ended_at = NULL WHERE lease_id = ?"))
        .execute(Tuple.of(sessionId, at, at, leaseId))
        .compose(updated -> updated.rowCount() == 1
            ? Future.succeededFuture()
            : conn.preparedQuery(dialect.sql(
                "INSERT INTO egress_sessions (" + SESSION_COLUMNS + ") "
                + "VALUES (?, ?, '', '', ?, ?, NULL)"))
                .execute(Tuple.of(leaseId, sessionId, at, at)))
        .compose(done -> killResumeSecrets(conn, leaseId, now))
        .map(fresh));
  }

  Future<Void> updateScope(String leaseId, String sessionId, String profile, List<String> allow,
      Instant now) {
    return pool.preparedQuery(dialect.sql(
            "UPDATE egress_sessions SET profile = ?, allow_entries = ?, updated_at = ? "
            + "WHERE lease_id = ? AND session_id = ? AND ended_at IS NULL"))
        .execute(Tuple.of(profile == null ? "" : profile, Rows.joinAllow(allow), Rows.millis(now),
            leaseId, sessionId))
        .mapEmpty();
  }

  Future<Boolean> endSession(String leaseId, Instant now) {
    Long at = Rows.millis(now);
    return pool.withTransaction(conn -> conn
        .preparedQuery(dialect.sql("UPDATE egress_sessions SET ended_at = ?, updated_at = ? "
            + "WHERE lease_id = ? AND ended_at IS NULL"))
        .execute(Tuple.of(at, at, leaseId))
        .compose(ended -> killResumeSecrets(conn, leaseId, now).map(ended.rowCount() == 1)));
  }

  private Future<Void> killResumeSecrets(SqlConnection conn, String leaseId, Instant now) {
    return conn.preparedQuery(dialect.sql("UPDATE resume_secrets SET consumed_at = ? "
            + "WHERE lease_id = ? AND consumed_at IS NULL"))
        .execute(Tuple.of(Rows.millis(now), leaseId))
        .mapEmpty();
  }

  Future<Void> insertTicket(TicketRecord t) {
    return pool.preparedQuery(dialect.sql("INSERT INTO egress_tickets (" + TICKET_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .execute(Tuple.from(Arrays.asList(t.hash(), t.leaseId(), t.role().wire(),
            t.sessionId(), t.owner(), t.org(), t.userRole().wire(), Rows.millis(t.createdAt()),
            Rows.millis(t.expiresAt()), Rows.millis(t.consumedAt()))))
        .mapEmpty();
  }

  Future<Optional<TicketRecord>> consumeTicket(String hash, String leaseId, BridgeRole role,
      Instant now) {
    return pool.preparedQuery(dialect.sql(
            "UPDATE egress_tickets SET consumed_at = ? WHERE ticket_hash = ? "
            + "AND consumed_at IS NULL AND expires_at > ? AND role = ? AND lease_id = ?"))
        .execute(Tuple.of(Rows.millis(now), hash, Rows.millis(now), role.wire(), leaseId))
        .compose(claimed -> claimed.rowCount() != 1
            ? Future.succeededFuture(Optional.empty())
            : pool.preparedQuery(dialect.sql(
                    "SELECT " + TICKET_COLUMNS + " FROM egress_tickets WHERE ticket_hash = ?"))
                .execute(Tuple.of(hash))
                .map(rows -> JdbcLeases.first(rows).map(Rows::ticket)));
  }

  Future<Void> insertResumeSecret(ResumeSecretRecord s) {
    return pool.preparedQuery(dialect.sql("INSERT INTO resume_secrets (" + SECRET_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .execute(Tuple.from(Arrays.asList(s.hash(), s.leaseId(), s.sessionId(),
            s.role().wire(), s.holder() == null ? null : s.holder().owner(),
            s.holder() == null ? null : s.holder().org(),
            s.holder() == null ? null : s.holder().role().wire(),
            Rows.millis(s.createdAt()), Rows.millis(s.consumedAt()))))
        .mapEmpty();
  }

  Future<Optional<ResumeSecretRecord>> consumeResumeSecret(String hash, String leaseId,
      BridgeRole role, Instant now) {
    return pool.preparedQuery(dialect.sql(
            "UPDATE resume_secrets SET consumed_at = ? WHERE secret_hash = ? "
            + "AND consumed_at IS NULL AND role = ? AND lease_id = ?"))
        .execute(Tuple.of(Rows.millis(now), hash, role.wire(), leaseId))
        .compose(claimed -> claimed.rowCount() != 1
            ? Future.succeededFuture(Optional.empty())
            : pool.preparedQuery(dialect.sql(
                    "SELECT " + SECRET_COLUMNS + " FROM resume_secrets WHERE secret_hash = ?"))
                .execute(Tuple.of(hash))
                .map(rows -> JdbcLeases.first(rows).map(Rows::resumeSecret)));
  }

  Future<Integer> prune(Instant before) {
    Long at = Rows.millis(before);
    return pool.preparedQuery(dialect.sql("DELETE FROM egress_tickets WHERE expires_at < ?"))
        .execute(Tuple.of(at))
        .compose(tickets -> pool.preparedQuery(dialect.sql("DELETE FROM resume_secrets "
                + "WHERE consumed_at IS NOT NULL AND consumed_at < ?"))
            .execute(Tuple.of(at))
            .map(secrets -> tickets.rowCount() + secrets.rowCount()));
  }
}
