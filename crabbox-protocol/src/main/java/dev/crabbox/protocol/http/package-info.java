/**
 * The lease proxy's view of HTTP/1.x: an incremental, bounded request-head parser that yields
 * CONNECT targets or origin-form rewrites, and a tracker that finds where a request body ends.
 */
package dev.crabbox.protocol.http;
