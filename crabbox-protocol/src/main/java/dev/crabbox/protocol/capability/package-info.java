/**
 * Lease capabilities (spec 003): the {@code --desktop}, {@code --browser} and {@code --code} flags,
 * the per-provider feature table, the two-step validation (provider feature check, then label
 * check on {@code --id} reuse), the run environment each capability injects and the browser probe
 * search order for static/local targets. Pure: no sockets, files or clocks; probes are described
 * here as data and executed by the caller.
 */
package dev.crabbox.protocol.capability;
