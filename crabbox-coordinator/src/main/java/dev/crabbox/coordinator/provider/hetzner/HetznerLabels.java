package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.ProvisionRequest;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Names and labels the provider puts on Cloud resources. Label values follow the API's rule (at
 * most 63 characters of {@code [A-Za-z0-9._-]}, starting and ending alphanumeric); server names
 * are DNS labels because they become the machine's hostname.
 */
final class HetznerLabels {

  /** The label that ties a server or SSH key to its lease; provision and release search by it. */
  static final String LEASE = "crabbox-lease";

  private static final int MAX = 63;

  private HetznerLabels() {}

  /** {@code crabbox-lease=<leaseId>}, for {@code label_selector}. */
  static String leaseSelector(String leaseId) {
    return LEASE + "=" + labelValue(leaseId);
  }

  /** The labels of a lease's server. */
  static JsonObject serverLabels(ProvisionRequest request) {
    return sshKeyLabels(request)
        .put("crabbox-owner", labelValue(request.owner()))
        .put("crabbox-desktop", String.valueOf(request.labels().desktop()))
        .put("crabbox-browser", String.valueOf(request.labels().browser()))
        .put("crabbox-code", String.valueOf(request.labels().code()));
  }

  /** The labels of the SSH key uploaded for a lease. */
  static JsonObject sshKeyLabels(ProvisionRequest request) {
    return new JsonObject().put(LEASE, labelValue(request.leaseId()));
  }

  /** {@code crabbox-<slug>-<id digits>}: readable, unique in the project, a valid hostname. */
  static String serverName(ProvisionRequest request) {
    String id = request.leaseId().replaceFirst("^cbx_", "");
    String name = dnsLabel("crabbox-" + request.slug() + "-" + id);
    return name.isEmpty() ? "crabbox" : name;
  }

  /** The name of the SSH key uploaded for a lease. */
  static String sshKeyName(String leaseId) {
    return "crabbox-" + leaseId;
  }

  /** Any text as a label value: other characters become {@code _}, ends trimmed, 63 at most. */
  static String labelValue(String text) {
    String safe = text.replaceAll("[^A-Za-z0-9._-]", "_");
    return trimEnds(safe.length() > MAX ? safe.substring(0, MAX) : safe, "[^A-Za-z0-9]");
  }

  private static String dnsLabel(String text) {
    String safe = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
        .replaceAll("-{2,}", "-");
    if (safe.length() > MAX) {
      // keep the unique tail (the lease id digits)
      safe = safe.substring(safe.length() - MAX);
    }
    return trimEnds(safe, "-");
  }

  private static String trimEnds(String text, String unwanted) {
    return text.replaceAll("^(" + unwanted + ")+", "").replaceAll("(" + unwanted + ")+$", "");
  }
}
