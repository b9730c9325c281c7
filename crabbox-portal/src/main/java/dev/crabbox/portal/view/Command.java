package dev.crabbox.portal.view;

/** A copyable CLI command; {@code id} ties the copy button to its text. */
public record Command(String id, String label, String text) {}
