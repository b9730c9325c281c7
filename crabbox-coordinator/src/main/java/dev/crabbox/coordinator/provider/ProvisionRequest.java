package dev.crabbox.coordinator.provider;

import dev.crabbox.protocol.api.LeaseView;
import dev.crabbox.protocol.capability.LeaseTarget;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider gets to build a lease's machine. Persisted with the lease so provisioning can
 * resume after a coordinator restart with exactly the same inputs.
 *
 * @param leaseId the lease id ({@code cbx_…}); providers label or tag their resources with it
 * @param slug the lease's slug, for human-readable resource names
 * @param owner the lease owner (for labels and logs only)
 * @param org the owner's org ("" when none)
 * @param target {@code linux}, {@code macos} or {@code windows}
 * @param labels the capabilities the lease was created with (bootstrap installs these)
 * @param sshPublicKey the operator's OpenSSH public key line to authorize on the machine, or ""
 * @param options provider-specific choices from the request (e.g. {@code host} for static,
 *     {@code serverType}, {@code region}); unknown keys are the provider's to refuse
 * @param secrets what {@link LeaseProvider#prepareSecrets} made for this lease
 */
public record ProvisionRequest(
    String leaseId,
    String slug,
    String owner,
    String org,
    String target,
    LeaseView.Labels labels,
    String sshPublicKey,
    Map<String, String> options,
    Map<String, String> secrets) {

  public ProvisionRequest {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(target, "target");
    owner = owner == null ? "" : owner;
    org = org == null ? "" : org;
    labels = labels == null ? LeaseView.Labels.NONE : labels;
    sshPublicKey = sshPublicKey == null ? "" : sshPublicKey.trim();
    options = options == null ? Map.of() : Map.copyOf(options);
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
  }

  public ProvisionRequest withSecrets(Map<String, String> newSecrets) {
    return new ProvisionRequest(leaseId, slug, owner, org, target, labels, sshPublicKey, options,
        newSecrets);
  }

  /** The target as an operating system; a name no OS has is refused as a provider would. */
  public LeaseTarget targetOs() {
    try {
      return LeaseTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw new ProviderException(e.getMessage(), e);
    }
  }

  /** A provider option, or {@code fallback} when the request did not set it. */
  public String option(String key, String fallback) {
    String value = options.get(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
