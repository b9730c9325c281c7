package dev.crabbox.cli.ssh;

import dev.crabbox.protocol.ssh.SshPublicKeys;
import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts exactly the host key whose {@code SHA256:} fingerprint the lease record pins, and
 * nothing else: no known_hosts, no trust on first use. A refused key is remembered so that the
 * connect failure can name both fingerprints.
 */
final class PinnedHostKey implements HostKeyVerifier {
  private final String pinned;
  private volatile String presented;

  PinnedHostKey(String pinnedFingerprint) {
    this.pinned = pinnedFingerprint;
  }

  @Override
  public boolean verify(String hostname, int port, PublicKey key) {
    String fingerprint = SshPublicKeys.fingerprint(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    presented = fingerprint;
    return fingerprint.equals(pinned);
  }

  @Override
  public List<String> findExistingAlgorithms(String hostname, int port) {
    return List.of();
  }

  /** The fingerprint the server presented, when it was refused; else null. */
  String refused() {
    String seen = presented;
    return seen != null && !seen.equals(pinned) ? seen : null;
  }
}
