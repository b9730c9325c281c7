/**
 * The Crabbox egress agents and what embedders and the CLI use to run them.
 *
 * <ul>
 *   <li>{@link dev.crabbox.agent.host.EgressHostVerticle} — the operator-side host that dials the
 *       internet for a lease ({@code dev.crabbox.agent.host}).</li>
 *   <li>{@link dev.crabbox.agent.proxy.LeaseProxyVerticle} — the lease-side loopback HTTP proxy
 *       ({@code dev.crabbox.agent.proxy}).</li>
 *   <li>{@link dev.crabbox.agent.api.CoordinatorClient} — the coordinator's HTTP API
 *       ({@code dev.crabbox.agent.api}).</li>
 *   <li>{@code dev.crabbox.agent.bridge} — the WebSocket bridge both agents share: reconnects,
 *       framing and per-stream flow control.</li>
 * </ul>
 *
 * <p>Shared here: {@link dev.crabbox.agent.WireVersion}, {@link dev.crabbox.agent.ClientTls},
 * {@link dev.crabbox.agent.TicketSource}, {@link dev.crabbox.agent.BridgeSession},
 * {@link dev.crabbox.agent.BridgeFailure}, {@link dev.crabbox.agent.BridgeListener} and
 * {@link dev.crabbox.agent.AgentMain}, the main class of the slim jar copied onto leases.
 */
package dev.crabbox.agent;
