package dev.crabbox.coordinator.egress;

/** HTTP header names of the bridge upgrade. */
public final class BridgeHeaders {

  public static final String TICKET = "X-Crabbox-Bridge-Ticket";
  public static final String RESUME_SECRET = "X-Crabbox-Resume-Secret";
  public static final String LEASE_ID = "X-Crabbox-Lease-Id";
  public static final String SESSION = "X-Crabbox-Egress-Session";
  public static final String TICKET_QUERY = "ticket";

  private BridgeHeaders() {}
}
