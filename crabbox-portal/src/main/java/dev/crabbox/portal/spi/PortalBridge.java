package dev.crabbox.portal.spi;

import io.vertx.ext.web.Router;

/**
 * A browser bridge to a lease capability ({@code /portal/leases/{id}/vnc},
 * {@code /portal/leases/{id}/code/}). Mounted after the portal's session and security handlers,
 * before its catch-all 404. A bridge must require {@code context.sessionAuth()}, run
 * {@code context.originCheck()} before any WebSocket upgrade, and check the lease with the
 * session's caller and capability itself. The session handler pauses WebSocket handshakes, so
 * {@code ctx.request().toWebSocket()} still works after those asynchronous checks.
 */
@FunctionalInterface
public interface PortalBridge {

  void mount(Router router, PortalContext context);
}
