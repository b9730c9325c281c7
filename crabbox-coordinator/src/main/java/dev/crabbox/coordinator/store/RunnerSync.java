package dev.crabbox.coordinator.store;

/**
 * What one runner sync changed: {@code synced} runners written, {@code stale} runners of that
 * provider and owner that the sync no longer reported and that became stale with it.
 */
public record RunnerSync(int synced, int stale) {}
