/**
 * The managed-Linux bootstrap: per-lease secrets (SSH host key, VNC password, code-server token)
 * and the cloud-init document that installs the lease's capabilities (spec 003).
 * {@link dev.crabbox.coordinator.provider.bootstrap.CloudInitBootstrap} is the entry point,
 * configured by {@link dev.crabbox.coordinator.provider.bootstrap.BootstrapOptions}.
 */
package dev.crabbox.coordinator.provider.bootstrap;
