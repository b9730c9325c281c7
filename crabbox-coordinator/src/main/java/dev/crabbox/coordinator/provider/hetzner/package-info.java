/**
 * The {@code hetzner} lease provider: Hetzner Cloud servers created through the Cloud API
 * ({@code api.hetzner.cloud/v1}) with the Vert.x web client, labelled with the lease id so every
 * call can be repeated after a coordinator restart, and bootstrapped by cloud-init.
 */
package dev.crabbox.coordinator.provider.hetzner;
