package dev.crabbox.portal.view;

/** A navigation link; {@code current} marks the selected filter or page. */
public record Link(String text, String href, boolean current) {}
