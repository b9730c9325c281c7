package dev.crabbox.coordinator.auth;

import java.util.Objects;

/** The authenticated principal of one API request, as its bearer token names it. */
public record Caller(String owner, String org, Role role) {

  public Caller {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(role, "role");
    org = org == null ? "" : org;
  }

  public boolean admin() {
    return role == Role.ADMIN;
  }
}
