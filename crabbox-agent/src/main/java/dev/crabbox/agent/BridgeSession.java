package dev.crabbox.agent;

/**
 * One successful bridge upgrade, as the coordinator described it in the 101 response.
 *
 * @param leaseId   canonical lease id ({@code cbx_…}) from {@code X-Crabbox-Lease-Id}
 * @param sessionId egress session id from {@code X-Crabbox-Egress-Session}
 * @param wire      the wire format the coordinator accepted
 * @param reconnect false for the first connection of this agent, true for every later one
 */
public record BridgeSession(String leaseId, String sessionId, WireVersion wire, boolean reconnect) {}
