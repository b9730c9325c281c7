/**
 * JSON shapes of the coordinator HTTP API as plain records, shared by the coordinator (which
 * writes them) and the CLI (which reads them). Each record converts to and from a plain
 * {@code Map<String, Object>} so that callers pick their own JSON library; this package stays free
 * of Vert.x. Times are ISO-8601 UTC strings on the wire.
 */
package dev.crabbox.protocol.api;
