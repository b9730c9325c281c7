package dev.crabbox.coordinator.egress;

import dev.crabbox.coordinator.auth.BearerAuthHandler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * What a bridge upgrade presents: a one-use ticket ({@code Authorization: Bearer},
 * {@code X-Crabbox-Bridge-Ticket}, or the {@code ?ticket=} fallback when enabled), or else a
 * resume secret ({@code X-Crabbox-Resume-Secret}). Never logged.
 */
public record BridgeCredentials(Optional<String> ticket, Optional<String> resumeSecret) {

  public static BridgeCredentials from(HttpServerRequest request, boolean queryFallback) {
    Optional<String> ticket = BearerAuthHandler.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION))
        .or(() -> nonEmpty(request.getHeader(BridgeHeaders.TICKET)));
    if (ticket.isEmpty() && queryFallback) {
      ticket = nonEmpty(request.getParam(BridgeHeaders.TICKET_QUERY));
    }
    Optional<String> resume = ticket.isPresent()
        ? Optional.empty()
        : nonEmpty(request.getHeader(BridgeHeaders.RESUME_SECRET));
    return new BridgeCredentials(ticket, resume);
  }

  public boolean isEmpty() {
    return ticket.isEmpty() && resumeSecret.isEmpty();
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  @Override
  public String toString() {
    return "BridgeCredentials[ticket=" + (ticket.isPresent() ? "<redacted>" : "none")
        + ", resumeSecret=" + (resumeSecret.isPresent() ? "<redacted>" : "none") + "]";
  }
}
