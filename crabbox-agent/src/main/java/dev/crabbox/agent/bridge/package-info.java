/**
 * The bridge between an agent and the coordinator: {@link dev.crabbox.agent.bridge.BridgeConnection}
 * (one WebSocket at a time, credentials, reconnects, fatal rules),
 * {@link dev.crabbox.agent.bridge.BridgeLink} (one upgraded WebSocket and its streams, codecs,
 * liveness), and the stream plumbing both agents share: {@link dev.crabbox.agent.bridge.BridgeStream}
 * with its sender (credit-limited DATA) and receiver (credit granted as socket writes complete),
 * {@link dev.crabbox.agent.bridge.Backpressure} and {@link dev.crabbox.agent.bridge.SocketPipe}.
 */
package dev.crabbox.agent.bridge;
