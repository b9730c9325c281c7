package dev.crabbox.agent;

import dev.crabbox.agent.api.CoordinatorClient;
import dev.crabbox.agent.api.EgressTicket;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a bridge gets the one-use ticket for an upgrade. A reconnect prefers the resume secret the
 * coordinator handed out; it asks for a new ticket only when that is refused and
 * {@link #canMint()} says a new one can be had.
 */
public interface TicketSource {

  /** The next ticket to present; fails when none can be had. */
  Future<String> nextTicket();

  /** True when {@link #nextTicket()} can produce a fresh ticket (a bearer token is available). */
  boolean canMint();

  /** Hands out {@code ticket} once (from {@code --ticket}); later calls fail. */
  static TicketSource fixed(String ticket) {
    Objects.requireNonNull(ticket, "ticket");
    AtomicBoolean used = new AtomicBoolean();
    return new TicketSource() {
      @Override
      public Future<String> nextTicket() {
        if (used.getAndSet(true)) {
          return Future.failedFuture("the egress ticket was already used; start again with a new --ticket");
        }
        return Future.succeededFuture(ticket);
      }

      @Override
      public boolean canMint() {
        return false;
      }

      @Override
      public String toString() {
        return "TicketSource[fixed]";
      }
    };
  }

  /** Mints a fresh ticket from the coordinator on every call (needs a client with a bearer token). */
  static TicketSource minting(CoordinatorClient client, String lease, String role, String sessionId,
      String profile, List<String> allow) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(role, "role");
    List<String> allowCopy = allow == null ? List.of() : List.copyOf(allow);
    return new TicketSource() {
      @Override
      public Future<String> nextTicket() {
        return client.mintEgressTicket(lease, role, sessionId, profile, allowCopy)
            .map(EgressTicket::ticket);
      }

      @Override
      public boolean canMint() {
        return true;
      }

      @Override
      public String toString() {
        return "TicketSource[minting role=" + role + "]";
      }
    };
  }
}
