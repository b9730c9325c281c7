/**
 * The lease workflows of the CLI: {@code warmup} (create or reuse a lease and wait until it
 * answers over SSH), {@code run} (a recorded command on a lease, with heartbeats, telemetry and
 * JUnit summaries) and {@code ssh}. Blocking SSH steps run on Vert.x worker threads; the
 * coordinator calls and timers are Future chains.
 */
package dev.crabbox.cli.work;
