/** Egress session ids and the open-failure texts shared by host agent and lease proxy. */
package dev.crabbox.protocol.egress;
