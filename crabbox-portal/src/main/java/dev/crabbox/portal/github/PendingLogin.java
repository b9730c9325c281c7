package dev.crabbox.portal.github;

/**
 * A sign-in between the redirect to GitHub and GitHub's redirect back: the browser-binding value
 * (the same value is in the browser's cookie), where to go afterwards, and, for a terminal login,
 * the CLI's loopback request.
 *
 * @param cli null for a browser sign-in
 */
record PendingLogin(String binding, String next, CliRequest cli) {}
