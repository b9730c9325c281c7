package dev.crabbox.coordinator.provider.bootstrap;

import dev.crabbox.coordinator.provider.ProviderException;
import dev.crabbox.protocol.api.LeaseView;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secrets a managed Linux lease gets once, at creation: the SSH host key pair the coordinator
 * pins, the VNC password (desktop) and the code-server token (code). They travel as a string map
 * stored with the lease; the constants here are its keys.
 */
public final class LeaseSecrets {

  /** The host key's public OpenSSH line; its fingerprint is what the coordinator pins. */
  public static final String HOST_PUBLIC_KEY = "hostPublicKey";

  /** The host key's private half ({@code openssh-key-v1} PEM); only ever sent to the machine. */
  public static final String HOST_PRIVATE_KEY = "hostPrivateKey";

  /** The desktop's VNC password; the CLI reads it back from the machine's password file. */
  public static final String VNC_PASSWORD = "vncPassword";

  /** code-server's password; the portal bridge logs in with it so the user never sees it. */
  public static final String CODE_SERVER_TOKEN = "codeServerToken";

  /** VNC authentication (DES) uses at most eight characters of a password. */
  static final int VNC_PASSWORD_LENGTH = 8;

  private static final int TOKEN_BYTES = 32;
  private static final String VNC_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private LeaseSecrets() {}

  /** A host key pair always; a VNC password for desktop and a token for code. */
  static Map<String, String> generate(SecureRandom random, String leaseId,
      LeaseView.Labels labels) {
    Map<String, String> secrets = new LinkedHashMap<>();
    HostKeyPair hostKey = HostKeyPair.generate(random, "crabbox-host-" + leaseId);
    secrets.put(HOST_PUBLIC_KEY, hostKey.publicLine());
    secrets.put(HOST_PRIVATE_KEY, hostKey.privatePem());
    if (labels.desktop()) {
      secrets.put(VNC_PASSWORD, vncPassword(random));
    }
    if (labels.code()) {
      byte[] token = new byte[TOKEN_BYTES];
      random.nextBytes(token);
      secrets.put(CODE_SERVER_TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }
    return secrets;
  }

  /** Eight characters without look-alikes (0/O, 1/l/I), so a person can type it if needed. */
  private static String vncPassword(SecureRandom random) {
    StringBuilder password = new StringBuilder(VNC_PASSWORD_LENGTH);
    for (int i = 0; i < VNC_PASSWORD_LENGTH; i++) {
      password.append(VNC_ALPHABET.charAt(random.nextInt(VNC_ALPHABET.length())));
    }
    return password.toString();
  }

  /**
   * The secret {@code key} of a lease.
   *
   * @throws ProviderException when it was never prepared (a lease stored without its secrets)
   */
  static String require(Map<String, String> secrets, String key) {
    String value = secrets.get(key);
    if (value == null || value.isBlank()) {
      throw new ProviderException("the lease has no " + key + " among its prepared secrets;"
          + " it was created without them and cannot be bootstrapped, start a new lease");
    }
    return value;
  }
}
