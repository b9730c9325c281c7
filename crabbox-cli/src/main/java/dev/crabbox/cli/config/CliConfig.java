package dev.crabbox.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The CLI config file, {@code ~/.config/crabbox/config.yaml}. Every field is optional; absent
 * fields are left out of the file.
 *
 * @param coordinator the coordinator base URL (http, https, ws or wss)
 * @param token the bearer token (a coordinator-signed JWT)
 * @param provider the default provider label
 * @param ca a PEM file of the CA that signed the coordinator's certificate (absolute path)
 * @param blacksmith how the Blacksmith Testbox CLI is run, or null
 * @param sshKey the operator's private SSH key for leases (OpenSSH format); default
 *     {@code ssh/id_ed25519} next to this file, generated on first use
 * @param coordinatorHeaders extra request headers the coordinator's route needs, such as an
 *     access gateway's service-token headers; never copied onto a lease
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CliConfig(String coordinator, String token, String provider, String ca,
    BlacksmithConfig blacksmith, String sshKey, Map<String, String> coordinatorHeaders) {

  /** Every section but {@code coordinatorHeaders}. */
  public CliConfig(String coordinator, String token, String provider, String ca, BlacksmithConfig blacksmith,
      String sshKey) {
    this(coordinator, token, provider, ca, blacksmith, sshKey, null);
  }

  /** The connection settings alone, without a {@code blacksmith:} section. */
  public CliConfig(String coordinator, String token, String provider, String ca) {
    this(coordinator, token, provider, ca, null, null);
  }

  /** Connection settings and a {@code blacksmith:} section, no SSH key setting. */
  public CliConfig(String coordinator, String token, String provider, String ca, BlacksmithConfig blacksmith) {
    this(coordinator, token, provider, ca, blacksmith, null);
  }

  /** A config with no settings, what a missing file reads as. */
  public static CliConfig empty() {
    return new CliConfig(null, null, null, null, null, null, null);
  }

  /**
   * This config with new connection settings (what {@code crabbox login} saves); the other
   * sections are kept.
   */
  public CliConfig withConnection(String coordinator, String token, String provider, String ca) {
    return new CliConfig(coordinator, token, provider, ca, blacksmith, sshKey, coordinatorHeaders);
  }

  /** The {@code coordinatorHeaders:} section, empty when absent. */
  public Map<String, String> coordinatorHeadersOrEmpty() {
    return coordinatorHeaders == null ? Map.of() : coordinatorHeaders;
  }

  /** The {@code blacksmith:} section, empty when absent. */
  public BlacksmithConfig blacksmithOrEmpty() {
    return blacksmith == null ? BlacksmithConfig.empty() : blacksmith;
  }
}
