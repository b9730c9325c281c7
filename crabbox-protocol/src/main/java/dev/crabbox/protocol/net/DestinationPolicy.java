package dev.crabbox.protocol.net;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Which resolved addresses the egress host may dial. The default is public unicast only, so a
 * lease cannot use the operator's machine to reach the operator's own network. Immutable.
 */
public final class DestinationPolicy {

  private static final DestinationPolicy PUBLIC_ONLY = new DestinationPolicy(false);
  private static final DestinationPolicy ALLOWING_PRIVATE = new DestinationPolicy(true);

  private final boolean allowPrivate;

  private DestinationPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Public unicast destinations only: the production policy. */
  public static DestinationPolicy publicOnly() {
    return PUBLIC_ONLY;
  }

  /**
   * Also loopback, private, CGNAT, link-local, unique-local, documentation and benchmarking
   * addresses ({@code --allow-private-destinations}, for tests and local demos). Unspecified,
   * multicast, broadcast and reserved addresses stay refused: they are never a real peer.
   */
  public static DestinationPolicy allowingPrivate() {
    return ALLOWING_PRIVATE;
  }

  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /** Empty when the address may be dialled, else the short name of the rule that refuses it. */
  public Optional<String> refusal(InetAddress address) {
    Objects.requireNonNull(address, "address");
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return Optional.ofNullable(ipv4Refusal(bytes));
    }
    for (AddressRule rule : AddressRules.IPV6) {
      if (rule.matches(bytes)) {
        return refused(rule) ? Optional.of(rule.name()) : Optional.empty();
      }
    }
    for (AddressRules.Embedding embedding : AddressRules.Embedding.values()) {
      if (embedding.range.matches(bytes)) {
        String rule = ipv4Refusal(embedding.ipv4(bytes));
        return rule == null ? Optional.empty() : Optional.of(embedding.label + " " + rule);
      }
    }
    return Optional.empty();
  }

  private String ipv4Refusal(byte[] v4) {
    for (AddressRule rule : AddressRules.IPV4) {
      if (rule.matches(v4)) {
        return refused(rule) ? rule.name() : null;
      }
    }
    return null;
  }

  private boolean refused(AddressRule rule) {
    return !(allowPrivate && rule.liftable());
  }

  @Override
  public String toString() {
    return allowPrivate ? "DestinationPolicy[allowing private]" : "DestinationPolicy[public only]";
  }
}
