package dev.crabbox.coordinator.provider.hetzner;

import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import io.vertx.core.Future;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The operator's SSH key as a Cloud resource, so the server is created with it (and Hetzner sends
 * no root password). Uploaded as {@code crabbox-<leaseId>} with the lease label; when the project
 * already holds it (an earlier attempt for this lease, or the operator's own upload of the same
 * key) that key is used. Only keys with the lease label are deleted on release.
 */
final class LeaseSshKeys {

  private final HetznerApi api;

  LeaseSshKeys(HetznerApi api) {
    this.api = api;
  }

  /** The key id to create the server with; empty when the request has no key. */
  Future<Optional<Long>> ensure(ProvisionRequest request) {
    if (request.sshPublicKey().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    String name = HetznerLabels.sshKeyName(request.leaseId());
    return api.createSshKey(name, request.sshPublicKey(), HetznerLabels.sshKeyLabels(request))
        .compose(created -> created.isPresent()
            ? Future.succeededFuture(created)
            : existing(name, request.sshPublicKey()).map(Optional::of));
  }

  /** Deletes the keys uploaded for the lease; succeeds when there are none. */
  Future<Void> deleteAll(String leaseId) {
    return api.sshKeyIds("label_selector", HetznerLabels.leaseSelector(leaseId))
        .compose(ids -> Future.all(ids.stream().map(api::deleteSshKey).toList()))
        .mapEmpty();
  }

  private Future<Long> existing(String name, String publicKey) {
    return api.sshKeyIds("name", name).compose(byName -> byName.isEmpty()
        ? api.sshKeyIds("fingerprint", md5Fingerprint(publicKey)).map(LeaseSshKeys::first)
        : Future.succeededFuture(byName.get(0)));
  }

  private static Long first(List<Long> ids) {
    if (ids.isEmpty()) {
      throw new ProviderException("hetzner: the SSH key is said to exist in the project but "
          + "could not be found by name or fingerprint (uniqueness_error)");
    }
    return ids.get(0);
  }

  /** The key fingerprint as the Cloud API reports it: MD5 of the key blob, colon-separated hex. */
  static String md5Fingerprint(String publicKeyLine) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(SshPublicKeys.blob(publicKeyLine));
      StringJoiner hex = new StringJoiner(":");
      for (byte b : digest) {
        hex.add(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    } catch (IllegalArgumentException e) {
      throw new ProviderException("hetzner: " + e.getMessage(), e);
    }
  }
}
