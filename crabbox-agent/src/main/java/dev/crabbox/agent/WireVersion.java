package dev.crabbox.agent;

/** Which bridge wire format an agent speaks to the coordinator (DESIGN.md §4). */
public enum WireVersion {
  /** JSON text frames, compatible with the original Crabbox; no flow-control credit. */
  V1,
  /** Binary frames with per-stream credit; offered as subprotocol {@code crabbox.egress.v2}. */
  V2
}
