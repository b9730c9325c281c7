package dev.crabbox.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code blacksmith:} section of the CLI config file: how {@code crabbox list --provider
 * blacksmith-testbox} runs the Blacksmith CLI. Every field is optional.
 *
 * @param cli the Blacksmith CLI executable, a path or a name looked up on PATH
 *     (default {@code blacksmith}; {@code CRABBOX_BLACKSMITH_CLI} overrides it)
 * @param org the Blacksmith organization, passed as {@code --org} and used to qualify the bare
 *     repository names the CLI prints
 * @param listArgs the arguments of its list command (default {@code testbox list})
 * @param timeoutSeconds how long the list command may take (default 30)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlacksmithConfig(String cli, String org, List<String> listArgs, Integer timeoutSeconds) {

  /** A section with no settings, what an absent section reads as. */
  public static BlacksmithConfig empty() {
    return new BlacksmithConfig(null, null, null, null);
  }
}
