package dev.crabbox.cli.options;

import dev.crabbox.agent.ClientTls;
import dev.crabbox.agent.bridge.BridgeHeaderRules;
import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.error.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The flags every coordinator-facing command shares. Each falls back to its environment variable
 * and then the config file (see {@link CliSettings}).
 */
public final class CoordinatorFlags {
  @Option(names = "--coordinator", paramLabel = "<url>",
      description = "Coordinator URL (http, https, ws or wss). Default: $CRABBOX_COORDINATOR, then the config file.")
  String coordinator;

  @Option(names = "--provider", paramLabel = "<provider>",
      description = "Provider label: hetzner, aws, static, local or blacksmith-testbox. "
          + "Leases are resolved through the coordinator whatever the provider. "
          + "Default: $CRABBOX_PROVIDER, then the config file.")
  String provider;

  @Option(names = "--ca", paramLabel = "<pem-file>",
      description = "CA certificate (PEM) that signed an https/wss coordinator's certificate. "
          + "Default: the config file, else the JVM's trusted CAs.")
  String ca;

  /** True when {@code --provider} was given on the command line. */
  public boolean providerFlagGiven() {
    return provider != null && !provider.isBlank();
  }

  /** True when {@code --coordinator} was given on the command line. */
  public boolean coordinatorFlagGiven() {
    return coordinator != null && !coordinator.isBlank();
  }

  /** The {@code --ca} flag as given, or null; for commands that start another crabbox process. */
  public String caFlag() {
    return ca == null || ca.isBlank() ? null : ca.trim();
  }

  /** Resolves and checks the coordinator URL, the CA file and the provider label. */
  public CoordinatorTarget resolve(CliSettings settings) {
    Optional<String> providerLabel = settings.validProvider(provider);
    Optional<Path> caFile = settings.caFile(ca);
    URI base = settings.requireCoordinator(coordinator);
    ClientTls tls = caFile.map(ClientTls::caFile).orElse(ClientTls.system());
    Map<String, String> headers;
    try {
      headers = BridgeHeaderRules.extraHeaders(settings.coordinatorHeaders());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (coordinatorHeaders in the CLI config file)");
    }
    return new CoordinatorTarget(base, tls, providerLabel, headers);
  }

  /** The coordinator and token of the command tree {@code spec} belongs to (flags > env > config). */
  public CoordinatorSession session(CommandSpec spec) {
    CliSettings settings = CliEnvironment.of(spec).settings();
    CoordinatorTarget target = resolve(settings);
    return new CoordinatorSession(target, settings.requireToken(null));
  }
}
