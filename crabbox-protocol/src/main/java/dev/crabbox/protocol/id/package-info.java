/** Lease, run, ticket and session identifiers, and the lease slugs derived from lease ids. */
package dev.crabbox.protocol.id;
