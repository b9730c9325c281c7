/**
 * The lease bridge agent: the lease end of the portal's VNC and code bridges, reaching one fixed
 * loopback port per kind through the shared bridge machinery of {@code dev.crabbox.agent.bridge}.
 */
package dev.crabbox.agent.lease;
