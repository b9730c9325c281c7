package dev.crabbox.portal.view;

import java.util.List;

/** The share page: who has access besides the owner, and the forms when the caller manages. */
public record ShareView(Page page, String slug, String leaseHref, String action, String org,
    List<Entry> users, String orgAccess, boolean manage, String message) {

  /** One user's share. */
  public record Entry(String user, String access) {}
}
