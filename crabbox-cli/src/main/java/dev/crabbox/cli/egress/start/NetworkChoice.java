package dev.crabbox.cli.egress.start;

import dev.crabbox.cli.error.UsageException;
import dev.crabbox.protocol.api.LeaseMachine;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * {@code --network auto|tailscale|public}: which address of the lease SSH uses. {@code public} is
 * the machine's SSH host; {@code tailscale} is the lease record's {@code tailnetAddress} (an error
 * when the record has none); {@code auto} prefers the tailnet address when there is one.
 */
enum NetworkChoice {
  AUTO, TAILSCALE, PUBLIC;

  static NetworkChoice parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new UsageException("--network must be auto, tailscale or public, got \"" + text + "\"");
    }
  }

  /** The lease record's field naming its tailnet address. */
  static final String TAILNET_FIELD = "tailnetAddress";

  /** {@code ssh} with the host this choice picks from {@code lease}. */
  LeaseMachine.Ssh pick(LeaseMachine.Ssh ssh, JsonObject lease) {
    String tailnet = lease.getValue(TAILNET_FIELD) instanceof String s && !s.isBlank() ? s.trim() : null;
    if (this == PUBLIC || this == AUTO && tailnet == null) {
      return ssh;
    }
    if (tailnet == null) {
      throw new UsageException("--network tailscale: lease " + lease.getString("id", "?")
          + " has no tailnet address; use --network public (or auto)");
    }
    return new LeaseMachine.Ssh(tailnet, ssh.port(), ssh.user(), ssh.hostKey());
  }
}
