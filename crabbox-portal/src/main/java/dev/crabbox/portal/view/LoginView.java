package dev.crabbox.portal.view;

import java.util.List;

/** The login page: an optional message, where to go afterwards, and other sign-in methods. */
public record LoginView(Page page, String message, String next, List<Link> providers) {}
