package dev.crabbox.portal.session;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import java.time.Instant;
import java.util.Objects;

/** The identity a portal session cookie carries: owner, org, role and when it stops working. */
public record PortalSession(String owner, String org, Role role, Instant expiresAt) {

  public PortalSession {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(expiresAt, "expiresAt");
    org = org == null ? "" : org;
  }

  /** The caller the coordinator's services check access for, exactly as a bearer token would. */
  public Caller caller() {
    return new Caller(owner, org, role);
  }

  public boolean admin() {
    return role == Role.ADMIN;
  }
}
