/**
 * Egress allowlists: the built-in profiles of spec 001 and {@code --allow} patterns. The host agent
 * refuses to start with an empty allowlist, so the proxy is never open.
 */
package dev.crabbox.protocol.allow;
