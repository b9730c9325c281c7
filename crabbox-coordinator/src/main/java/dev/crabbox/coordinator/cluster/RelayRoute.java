package dev.crabbox.coordinator.cluster;

import dev.crabbox.coordinator.egress.BridgeGrant;
import dev.crabbox.coordinator.egress.SessionPlacement;
import dev.crabbox.coordinator.http.ApiException;
import dev.crabbox.coordinator.http.JsonResponses;
import dev.crabbox.coordinator.store.BridgeRole;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /internal/v1/egress/relay} on the owner node: a bridge socket another node of the
 * cluster relays here. The caller proves it is a cluster node with the relay secret; the agent's
 * own ticket or resume secret was already checked (and consumed) by that node. The socket joins
 * the session actor here exactly like one upgraded here, as long as this node still owns the
 * session; otherwise 409, and the relaying node closes the agent's socket so that it reconnects.
 */
final class RelayRoute {

  private static final Logger LOG = LoggerFactory.getLogger(RelayRoute.class);

  private final String relaySecret;
  private final SessionOwners owners;
  private final SessionPlacement local;

  RelayRoute(String relaySecret, SessionOwners owners, SessionPlacement local) {
    this.relaySecret = relaySecret;
    this.owners = owners;
    this.local = local;
  }

  void mount(Router router) {
    router.get(RelayHeaders.PATH).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!RelayHeaders.secretMatches(relaySecret, request.getHeader(RelayHeaders.SECRET))) {
      JsonResponses.error(ctx.response(), ApiException.forbidden("not a node of this cluster"));
      return;
    }
    BridgeGrant grant;
    try {
      grant = new BridgeGrant(required(request, RelayHeaders.LEASE),
          required(request, RelayHeaders.SLUG), required(request, RelayHeaders.SESSION),
          BridgeRole.parse(required(request, RelayHeaders.ROLE)).orElseThrow(
              () -> new IllegalArgumentException("relay role must be host or client")), "");
    } catch (IllegalArgumentException e) {
      JsonResponses.error(ctx.response(), ApiException.badRequest(e.getMessage()));
      return;
    }
    request.pause();
    owners.ownedHere(grant.leaseId(), grant.sessionId())
        .compose(owned -> owned
            ? local.endpoint(grant.leaseId(), grant.sessionId())
            : Future.failedFuture(notOwner(grant)))
        .onSuccess(endpoint -> request.toWebSocket()
            .onSuccess(socket -> endpoint.attach(grant, socket))
            .onFailure(failure -> LOG.info("relay upgrade failed: {}", failure.toString())))
        .onFailure(failure -> {
          JsonResponses.error(ctx.response(), failure instanceof ApiException api ? api
              : notOwner(grant));
          request.resume();
        });
  }

  private static ApiException notOwner(BridgeGrant grant) {
    return new ApiException(409, "not_session_owner", "egress session " + grant.sessionId()
        + " of lease " + grant.leaseId() + " is not owned by this node");
  }

  static String required(HttpServerRequest request, String header) {
    String value = request.getHeader(header);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("relay header " + header + " is missing");
    }
    return value;
  }
}
