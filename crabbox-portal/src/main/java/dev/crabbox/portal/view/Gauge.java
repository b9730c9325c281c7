package dev.crabbox.portal.view;

/**
 * One telemetry value: its text, a meter ({@code value} of {@code max}) and the sparkline points
 * of the samples it came from (empty with a single sample).
 */
public record Gauge(String label, String text, double value, double max, String points,
    boolean high) {}
