package dev.crabbox.portal.authz;

/**
 * The sessions of the portal's authorization matrix, seen from one lease of alice (org acme)
 * that is shared with bob for use, with dave to manage, and with acme for use.
 */
enum Who {
  ANONYMOUS(null, null),
  OWNER("alice", "acme"),
  USE_SHARE("bob", "other"),
  MANAGE_SHARE("dave", "other"),
  ORG_MEMBER("carol", "acme"),
  ADMIN(null, null),
  STRANGER("eve", "elsewhere");

  final String owner;
  final String org;

  Who(String owner, String org) {
    this.owner = owner;
    this.org = org;
  }
}
