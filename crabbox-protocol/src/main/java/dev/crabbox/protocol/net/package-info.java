/**
 * Address rules without any I/O: which destinations the egress host may dial, how numeric host
 * spellings decode, and where the lease proxy may listen. Nothing here resolves a name.
 */
package dev.crabbox.protocol.net;
