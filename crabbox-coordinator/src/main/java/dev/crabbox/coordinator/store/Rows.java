package dev.crabbox.coordinator.store;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.protocol.api.LeaseMachine;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Maps result rows to records; column names are lower case in both H2 (DATABASE_TO_LOWER) and PostgreSQL. */
final class Rows {

  private Rows() {}

  static LeaseRecord lease(Row row) {
    return new LeaseRecord(
        row.getString("id"),
        row.getString("slug"),
        row.getString("owner"),
        row.getString("org"),
        row.getString("provider"),
        row.getString("target"),
        LeaseState.parse(row.getString("state")),
        row.getBoolean("label_desktop"),
        row.getBoolean("label_browser"),
        row.getBoolean("label_code"),
        Duration.ofMillis(row.getLong("ttl_ms")),
        Duration.ofMillis(row.getLong("idle_ms")),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        instant(row, "touched_at"),
        instant(row, "expires_at"),
        machine(row),
        row.getString("provider_ref"),
        row.getString("failure"),
        Boolean.TRUE.equals(row.getBoolean("cleanup_pending")),
        LeaseInputs.fromJson(row.getString("provision_inputs")));
  }

  private static LeaseMachine machine(Row row) {
    String host = row.getString("ssh_host");
    if (host == null) {
      return null;
    }
    String hourly = row.getString("cost_hourly");
    return new LeaseMachine(row.getString("server_type"), row.getString("region"),
        new LeaseMachine.Ssh(host, row.getInteger("ssh_port"), row.getString("ssh_user"),
            row.getString("ssh_host_key")),
        hourly == null ? null
            : new LeaseMachine.Cost(new BigDecimal(hourly), row.getString("cost_currency")));
  }

  static EgressSessionRecord session(Row row) {
    return new EgressSessionRecord(
        row.getString("lease_id"),
        row.getString("session_id"),
        row.getString("profile"),
        splitAllow(row.getString("allow_entries")),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        instant(row, "ended_at"));
  }

  static TicketRecord ticket(Row row) {
    return new TicketRecord(
        row.getString("ticket_hash"),
        row.getString("lease_id"),
        role(row.getString("role")),
        row.getString("session_id"),
        row.getString("owner"),
        row.getString("org"),
        Role.parse(row.getString("user_role")),
        instant(row, "created_at"),
        instant(row, "expires_at"),
        instant(row, "consumed_at"));
  }

  static ResumeSecretRecord resumeSecret(Row row) {
    return new ResumeSecretRecord(
        row.getString("secret_hash"),
        row.getString("lease_id"),
        row.getString("session_id"),
        role(row.getString("role")),
        row.getString("owner") == null ? null : new Caller(row.getString("owner"),
            row.getString("org"), Role.parse(row.getString("user_role"))),
        instant(row, "created_at"),
        instant(row, "consumed_at"));
  }

  static Instant instant(Row row, String column) {
    Long millis = row.getLong(column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static BridgeRole role(String text) {
    return BridgeRole.valueOf(text.toUpperCase(Locale.ROOT));
  }

  /** Allowlist entries never contain commas (the allowlist splits on them), so a comma joins them. */
  static String joinAllow(List<String> allow) {
    return String.join(",", allow);
  }

  static List<String> splitAllow(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
