package dev.crabbox.coordinator.authz;

/**
 * The subjects of one matrix row, fresh for the row so that a release, a share change or a
 * finished run cannot leak into another row: alice's lease (shared as {@link Who} describes), a
 * running run on it, and alice's external runner.
 */
record Fixture(String lease, String run, String runner) {
}
