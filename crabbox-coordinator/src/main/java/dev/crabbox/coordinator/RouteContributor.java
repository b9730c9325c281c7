package dev.crabbox.coordinator;

import io.vertx.ext.web.Router;

/**
 * Mounts extra routes on the coordinator's router (the portal, an embedding app's pages) without
 * the coordinator depending on them. Called once during start, after the API routes and before
 * the server listens.
 */
@FunctionalInterface
public interface RouteContributor {

  void contribute(Router router, CoordinatorServices services);
}
