/**
 * SSH to leases through SSHJ: the operator key (generated on first use), host keys pinned from the
 * lease record, command execution with live output, and the interactive shell. Every call here
 * blocks; callers run it on a worker thread or the command's own thread, never an event loop.
 */
package dev.crabbox.cli.ssh;
