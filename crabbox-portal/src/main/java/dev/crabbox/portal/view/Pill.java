package dev.crabbox.portal.view;

/** A small status pill; {@code kind} is a CSS modifier (ok, warn, bad, muted). */
public record Pill(String text, String kind, String title) {}
