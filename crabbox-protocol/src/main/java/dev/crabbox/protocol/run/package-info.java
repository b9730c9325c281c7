/**
 * What a run reports besides its output: the summary of JUnit XML result files and the Linux
 * telemetry samples read from {@code /proc} and {@code df}. Pure parsers over text the caller
 * fetched from the lease.
 */
package dev.crabbox.protocol.run;
