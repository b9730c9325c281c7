package dev.crabbox.portal.spi;

import dev.crabbox.coordinator.CoordinatorServices;
import dev.crabbox.portal.security.OriginCheck;
import dev.crabbox.portal.session.SessionAuth;
import dev.crabbox.portal.session.SessionCookies;
import dev.crabbox.portal.web.Pages;

/**
 * What identity providers and bridges get to build on: the coordinator's services (lease access
 * through {@code services.leases().find(session.caller(), id)}), the session cookie (establish
 * one after a successful sign-in), the session requirement, the same-origin check (put it in
 * front of every WebSocket upgrade and state-changing request) and the page renderer.
 */
public record PortalContext(CoordinatorServices services, SessionCookies sessions,
    SessionAuth sessionAuth, OriginCheck originCheck, Pages pages) {}
