package dev.crabbox.portal.view;

/** An option of a filter select. */
public record Option(String value, String text, boolean selected) {}
