package dev.crabbox.agent.bridge;

/** HTTP header names of the bridge upgrade (CONTRACTS.md, bridge wire contract). */
public final class BridgeHeaders {
  /** Canonical lease id, in the 101 response. */
  public static final String LEASE_ID = "X-Crabbox-Lease-Id";
  /** Egress session id, in the 101 response. */
  public static final String SESSION = "X-Crabbox-Egress-Session";
  /** Single-use resume secret: handed out in the 101, presented on a reconnect instead of a ticket. */
  public static final String RESUME_SECRET = "X-Crabbox-Resume-Secret";

  private BridgeHeaders() {}
}
