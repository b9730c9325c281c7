package dev.crabbox.coordinator.provider.statichost;

import dev.crabbox.protocol.api.LeaseMachine;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.ssh.SshPublicKeys;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One operator-owned SSH host from {@code providers.static.hosts}.
 *
 * @param name what leases ask for with the {@code host} option
 * @param ssh address, user and pinned host key fingerprint
 * @param target the operating system the host runs
 */
public record StaticHost(String name, LeaseMachine.Ssh ssh, LeaseTarget target) {

  public StaticHost {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ssh, "ssh");
    Objects.requireNonNull(target, "target");
  }

  /**
   * Reads one {@code {name, host, port, user, hostKey, target}} entry.
   *
   * @throws IllegalArgumentException saying which field is wrong (without naming the entry; the
   *     caller knows which one it is)
   */
  static StaticHost fromConfig(JsonObject entry) {
    String name = requiredString(entry, "name");
    String host = requiredString(entry, "host");
    String user = requiredString(entry, "user");
    String hostKey = requiredString(entry, "hostKey");
    if (!SshPublicKeys.isFingerprint(hostKey)) {
      throw new IllegalArgumentException("hostKey must be the host key's SHA256 fingerprint "
          + "(SHA256: and 43 base64 characters, as ssh-keyscan HOST | ssh-keygen -lf - prints it)");
    }
    int port = port(entry.getValue("port", 22));
    Object target = entry.getValue("target", LeaseTarget.LINUX.wireName());
    if (!(target instanceof String)) {
      throw new IllegalArgumentException("target must be linux, macos or windows, not " + target);
    }
    return new StaticHost(name, new LeaseMachine.Ssh(host, port, user, hostKey),
        LeaseTarget.parse((String) target));
  }

  private static int port(Object value) {
    if (value instanceof Number) {
      double number = ((Number) value).doubleValue();
      if (number == Math.rint(number) && number >= 1 && number <= 65535) {
        return (int) number;
      }
    }
    throw new IllegalArgumentException("port must be a number from 1 to 65535, not " + value);
  }

  private static String requiredString(JsonObject entry, String field) {
    Object value = entry.getValue(field);
    if (!(value instanceof String) || ((String) value).isBlank()) {
      throw new IllegalArgumentException(field + " is required (text)");
    }
    return ((String) value).trim();
  }
}
