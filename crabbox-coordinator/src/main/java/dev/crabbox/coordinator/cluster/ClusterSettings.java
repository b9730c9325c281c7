package dev.crabbox.coordinator.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a coordinator joins its cluster: the address its Hazelcast member (and the clustered event
 * bus) binds and advertises, the Hazelcast port, and the members to contact when joining (TCP/IP,
 * never multicast). Other nodes also reach this node's HTTP listener at {@code host} to relay
 * bridge sockets.
 *
 * @param host address the other nodes reach this node at (not a wildcard)
 * @param port Hazelcast member port
 * @param members {@code host:port} of the members to join (may include this node)
 */
public record ClusterSettings(String host, int port, List<String> members) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;

  public ClusterSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)) {
      throw new IllegalArgumentException("--cluster-host must be an address the other nodes can "
          + "reach, not '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--cluster-port must be 1..65535, got " + port);
    }
    members = List.copyOf(members);
  }

  /**
   * Parses {@code h1:p1,h2:p2} (spaces allowed around commas); empty means "this node alone, until
   * others join it".
   */
  public static List<String> parseMembers(String text) {
    List<String> members = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return members;
    }
    for (String part : text.split(",")) {
      String member = part.trim();
      if (member.isEmpty()) {
        continue;
      }
      int colon = member.lastIndexOf(':');
      if (colon <= 0 || colon == member.length() - 1) {
        throw new IllegalArgumentException("--cluster-members: '" + member
            + "' is not host:port");
      }
      try {
        int port = Integer.parseInt(member.substring(colon + 1));
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--cluster-members: '" + member
            + "' has no valid port (1..65535)");
      }
      members.add(member);
    }
    return members;
  }
}
