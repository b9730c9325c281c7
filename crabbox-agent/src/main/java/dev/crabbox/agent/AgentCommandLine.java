package dev.crabbox.agent;

import dev.crabbox.protocol.bridge.LeaseBridgeKind;
import dev.crabbox.protocol.net.ListenAddress;
import dev.crabbox.protocol.net.ListenAddressException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses the slim agent's command line (no picocli in the slim jar):
 * {@code egress client --coordinator URL --lease ID [--ticket T | --ticket-file F] [--session S]
 * [--listen 127.0.0.1:3128] [--ca F] [--v1]}, or {@code bridge vnc|code --coordinator URL
 * --lease ID [--ticket T | --ticket-file F] [--ca F]}. Options take {@code --name value} or
 * {@code --name=value}.
 */
final class AgentCommandLine {

  static final String USAGE = String.join("\n",
      "Usage: java -jar crabbox-agent.jar egress client --coordinator URL --lease ID",
      "           (--ticket T | --ticket-file F) [--session S] [--listen 127.0.0.1:3128] [--ca F] [--v1]",
      "",
      "Runs the lease-side egress client: a loopback HTTP proxy whose connections leave through",
      "the egress host agent on the operator machine.",
      "",
      "  --coordinator URL   coordinator base URL (http/https)",
      "  --lease ID          lease id or slug",
      "  --ticket T          one-use client ticket",
      "  --ticket-file F     file holding the ticket (keeps it out of the process list)",
      "  --session S         egress session id to join",
      "  --listen ADDR       loopback proxy address (default 127.0.0.1:3128)",
      "  --ca F              PEM file with the CA of an https coordinator",
      "  --v1                speak v1 JSON frames instead of binary v2",
      "  --help              show this help",
      "",
      "",
      "   or: java -jar crabbox-agent.jar bridge (vnc|code) --coordinator URL --lease ID",
      "           (--ticket T | --ticket-file F) [--ca F]",
      "",
      "Runs the lease bridge agent: the portal reaches the lease's VNC server (127.0.0.1:5900)",
      "or code-server (127.0.0.1:8080) through it, and nothing else.",
      "",
      "Exit codes: 0 ok, 1 could not start, 2 usage error, 4 fatal bridge error.");

  private static final Set<String> VALUE_OPTIONS =
      Set.of("--coordinator", "--lease", "--ticket", "--ticket-file", "--session", "--listen", "--ca");
  private static final Set<String> BRIDGE_VALUE_OPTIONS =
      Set.of("--coordinator", "--lease", "--ticket", "--ticket-file", "--ca");
  private static final Set<String> FLAG_OPTIONS = Set.of("--v1", "--help", "-h");

  /** A command-line mistake; the message is shown to the user (exit code 2). */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message, null, false, false);
    }
  }

  /** The parsed {@code egress client} invocation; {@link #toString()} leaves the ticket out. */
  record ClientCommand(URI coordinator, String lease, String ticket, String session, ListenAddress listen,
      Path ca, boolean v1) {
    @Override
    public String toString() {
      return "ClientCommand[coordinator=" + coordinator + ", lease=" + lease + ", session=" + session
          + ", listen=" + listen + ", ca=" + ca + ", v1=" + v1 + "]";
    }
  }

  /** The parsed {@code bridge vnc|code} invocation; {@link #toString()} leaves the ticket out. */
  record BridgeCommand(LeaseBridgeKind kind, URI coordinator, String lease, String ticket, Path ca) {
    @Override
    public String toString() {
      return "BridgeCommand[kind=" + kind.wire() + ", coordinator=" + coordinator + ", lease=" + lease
          + ", ca=" + ca + "]";
    }
  }

  private AgentCommandLine() {}

  /** True when the arguments ask for help anywhere. */
  static boolean wantsHelp(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  static ClientCommand parse(String[] args) throws UsageException {
    if (args.length < 2 || !args[0].equals("egress") || !args[1].equals("client")) {
      throw new UsageException("expected the command \"egress client\" (or \"bridge vnc\" / \"bridge code\")");
    }
    Map<String, String> values = new HashMap<>();
    boolean v1 = options(args, VALUE_OPTIONS, values);
    URI coordinator = coordinator(required(values, "--coordinator"));
    String lease = required(values, "--lease");
    String ticket = ticket(values.get("--ticket"), values.get("--ticket-file"));
    ListenAddress listen = listen(values.getOrDefault("--listen", "127.0.0.1:3128"));
    Path ca = values.containsKey("--ca") ? readable(values.get("--ca"), "--ca") : null;
    return new ClientCommand(coordinator, lease, ticket, values.get("--session"), listen, ca, v1);
  }

  /** True when the arguments name the lease bridge command ({@code bridge vnc|code}). */
  static boolean isBridge(String[] args) {
    return args.length >= 1 && args[0].equals("bridge");
  }

  /** Parses {@code bridge vnc|code --coordinator URL --lease ID (--ticket T | --ticket-file F) [--ca F]}. */
  static BridgeCommand parseBridge(String[] args) throws UsageException {
    LeaseBridgeKind kind = args.length < 2 ? null : LeaseBridgeKind.parse(args[1]).orElse(null);
    if (!isBridge(args) || kind == null) {
      throw new UsageException("expected the command \"bridge vnc\" or \"bridge code\"");
    }
    Map<String, String> values = new HashMap<>();
    if (options(args, BRIDGE_VALUE_OPTIONS, values)) {
      throw new UsageException("--v1 is not available for lease bridges");
    }
    URI coordinator = coordinator(required(values, "--coordinator"));
    String lease = required(values, "--lease");
    String ticket = ticket(values.get("--ticket"), values.get("--ticket-file"));
    Path ca = values.containsKey("--ca") ? readable(values.get("--ca"), "--ca") : null;
    return new BridgeCommand(kind, coordinator, lease, ticket, ca);
  }

  /** Reads the options after the two command words into {@code values}; answers whether --v1 was given. */
  private static boolean options(String[] args, Set<String> valueOptions, Map<String, String> values)
      throws UsageException {
    boolean v1 = false;
    for (int i = 2; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (FLAG_OPTIONS.contains(name) && value == null) {
        v1 |= name.equals("--v1");
        continue;
      }
      if (!valueOptions.contains(name)) {
        throw new UsageException("unknown option or argument: " + name);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(name + " needs a value");
        }
        value = args[++i];
      }
      if (values.put(name, value) != null) {
        throw new UsageException(name + " given more than once");
      }
    }
    return v1;
  }

  private static String required(Map<String, String> values, String name) throws UsageException {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException(name + " is required");
    }
    return value.trim();
  }

  private static URI coordinator(String text) throws UsageException {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new UsageException("--coordinator must be an http:// or https:// URL, got " + text);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--coordinator is not a URL: " + text);
    }
  }

  private static String ticket(String ticket, String file) throws UsageException {
    if (ticket != null && file != null) {
      throw new UsageException("give --ticket or --ticket-file, not both");
    }
    if (ticket != null) {
      if (ticket.isBlank()) {
        throw new UsageException("--ticket is empty");
      }
      return ticket.trim();
    }
    if (file == null) {
      throw new UsageException("--ticket or --ticket-file is required");
    }
    try {
      String read = Files.readString(readable(file, "--ticket-file"), StandardCharsets.UTF_8).trim();
      if (read.isEmpty()) {
        throw new UsageException("--ticket-file " + file + " is empty");
      }
      return read;
    } catch (IOException e) {
      throw new UsageException("cannot read --ticket-file " + file + ": " + e.getMessage());
    }
  }

  private static ListenAddress listen(String text) throws UsageException {
    try {
      return ListenAddress.parse(text);
    } catch (ListenAddressException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Path readable(String text, String option) throws UsageException {
    Path path = Path.of(text);
    if (!Files.isReadable(path)) {
      throw new UsageException(option + " " + text + " is not a readable file");
    }
    return path;
  }
}
