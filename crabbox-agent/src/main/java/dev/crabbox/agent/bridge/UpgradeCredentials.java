package dev.crabbox.agent.bridge;

import dev.crabbox.agent.TicketSource;
import io.vertx.core.Future;

/**
 * Which credential the next upgrade presents, and what each outcome does to it. The resume secret
 * from the last 101 comes first; otherwise a ticket that never reached the coordinator is tried
 * again; otherwise the ticket source is asked for a new one. Credentials are never logged.
 */
final class UpgradeCredentials {

  /** One credential for one attempt. */
  record Credential(boolean resume, String value) {
    @Override
    public String toString() {
      return resume ? "Credential[resume secret]" : "Credential[ticket]";
    }
  }

  private final TicketSource tickets;
  private String resumeSecret;
  private String unusedTicket;

  UpgradeCredentials(TicketSource tickets) {
    this.tickets = tickets;
  }

  Future<Credential> next() {
    if (resumeSecret != null) {
      return Future.succeededFuture(new Credential(true, resumeSecret));
    }
    if (unusedTicket != null) {
      String ticket = unusedTicket;
      unusedTicket = null;
      return Future.succeededFuture(new Credential(false, ticket));
    }
    return tickets.nextTicket().map(ticket -> new Credential(false, ticket));
  }

  /** A 101: the presented credential is spent; the coordinator's new secret (may be null) is next. */
  void accepted(String newResumeSecret) {
    resumeSecret = newResumeSecret;
    unusedTicket = null;
  }

  /** The attempt never reached the coordinator's check (refused connection, TLS): keep it. */
  void unreached(Credential credential) {
    if (!credential.resume()) {
      unusedTicket = credential.value();
    }
  }

  /** The coordinator judged the credential (refusal, or a 101 we could not use): it is gone. */
  void spent(Credential credential) {
    if (credential.resume()) {
      resumeSecret = null;
    }
  }

  /** True when a fresh ticket can be minted after the current credentials are spent. */
  boolean canMint() {
    return tickets.canMint();
  }
}
