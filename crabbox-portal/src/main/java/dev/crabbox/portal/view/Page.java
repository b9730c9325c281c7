package dev.crabbox.portal.view;

import dev.crabbox.portal.session.PortalSession;

/**
 * What the layout needs on every page: the title, the response's CSP nonce and the signed-in
 * session (null on the login and some error pages).
 */
public record Page(String title, String nonce, PortalSession session) {

  public boolean signedIn() {
    return session != null;
  }

  public String who() {
    if (session == null) {
      return "";
    }
    String org = session.org().isEmpty() ? "" : " (" + session.org() + ")";
    return session.owner() + org + (session.admin() ? " · admin" : "");
  }
}
