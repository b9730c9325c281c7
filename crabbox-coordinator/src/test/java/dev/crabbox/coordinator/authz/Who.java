package dev.crabbox.coordinator.authz;

/**
 * The callers of the authorization matrix, as seen from one lease owned by alice of acme that is
 * shared with bob for use and with dave to manage. Only the org-share caller's lease also carries
 * an org share (use), so that an org member without it shows what org membership alone gives.
 */
enum Who {
  OWNER("alice", "acme"),
  USE_SHARE("bob", "other"),
  MANAGE_SHARE("dave", "other"),
  ORG_SHARE("carol", "acme"),
  ORG_MEMBER_WITHOUT_SHARE("frank", "acme"),
  ADMIN(null, null),
  STRANGER("eve", "elsewhere"),
  NO_TOKEN(null, null);

  final String owner;
  final String org;

  Who(String owner, String org) {
    this.owner = owner;
    this.org = org;
  }

  /** Whether this caller's lease carries the org share. */
  boolean leaseHasOrgShare() {
    return this == ORG_SHARE;
  }
}
