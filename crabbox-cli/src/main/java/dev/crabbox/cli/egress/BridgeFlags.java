package dev.crabbox.cli.egress;

import dev.crabbox.agent.WireVersion;
import dev.crabbox.cli.error.UsageException;
import dev.crabbox.cli.options.WireConverter;
import dev.crabbox.protocol.egress.EgressSessionIds;

import picocli.CommandLine.Option;

/** The bridge flags host and client share: ticket, session and wire format. */
public final class BridgeFlags {
  @Option(names = "--ticket", paramLabel = "<ticket>",
      description = "A one-use bridge ticket (for debugging); without it the command mints its own "
          + "with the configured token.")
  String ticket;

  @Option(names = "--session", paramLabel = "<session-id>",
      description = "Egress session to join or start (egress_...). Default: the lease's current session, "
          + "or a new one.")
  String session;

  @Option(names = "--wire", paramLabel = "v1|v2", defaultValue = "v2", converter = WireConverter.class,
      description = "Bridge wire format: v2 (binary, flow-controlled) or v1 (JSON, as the original "
          + "Crabbox). Default: ${DEFAULT-VALUE}.")
  WireVersion wire;

  /** The ticket from {@code --ticket}, or null to mint one. */
  String ticket() {
    return ticket == null || ticket.isBlank() ? null : ticket.trim();
  }

  /** The session id from {@code --session}, checked; null to join or start the current one. */
  String session() {
    if (session == null || session.isBlank()) {
      return null;
    }
    String trimmed = session.trim();
    if (!EgressSessionIds.valid(trimmed)) {
      throw new UsageException("--session \"" + session + "\" is not an egress session id "
          + "(egress_ followed by 6 to 80 of A-Z a-z 0-9 _ . : -)");
    }
    return trimmed;
  }

  WireVersion wire() {
    return wire;
  }
}
