package dev.crabbox.cli.options;

import dev.crabbox.agent.ClientTls;
import java.net.URI;
import java.util.Optional;

/**
 * The coordinator a command talks to, resolved from flags, environment and config file.
 *
 * @param baseUri http(s) base URL (ws/wss spellings already normalised)
 * @param tls trust settings ({@code --ca} or the JVM's default CAs)
 * @param provider the validated provider label, when one is set
 */
public record CoordinatorTarget(URI baseUri, ClientTls tls, Optional<String> provider) {
}
