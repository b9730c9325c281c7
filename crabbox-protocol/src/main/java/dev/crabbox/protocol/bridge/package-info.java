/** The lease bridges (VNC, code-server) reached through the lease bridge agent. */
package dev.crabbox.protocol.bridge;
