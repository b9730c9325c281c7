package dev.crabbox.cli.coordinator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.crabbox.cli.error.UsageException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The coordinator's YAML config file ({@code coordinator serve --config}): section
 * {@code providers}, with a subsection per provider ({@code local}, {@code static},
 * {@code hetzner}, {@code aws}) and {@code bootstrap}, and section {@code portal} (sign-in:
 * {@code github}, {@code gateway}). See config/coordinator.example.yaml.
 * Credentials may stay out of the file: providers also read their environment variables.
 */
final class CoordinatorConfigFile {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> SECTIONS = Set.of("providers", "portal");

  private CoordinatorConfigFile() {}

  /** The {@code providers} section of {@code file}, empty when the file has none. */
  static JsonObject providers(Path file) {
    return section(file, "providers", "a mapping of provider name to settings");
  }

  /** The {@code portal} section of {@code file}, null when the file has none. */
  static JsonObject portal(Path file) {
    JsonObject portal = section(file, "portal", "a mapping with github: and gateway: settings");
    return portal.isEmpty() ? null : portal;
  }

  private static JsonObject section(Path file, String name, String shape) {
    if (!Files.isReadable(file)) {
      throw new UsageException("--config " + file + " does not exist or is not readable");
    }
    Object parsed;
    try {
      // An empty file (or one of comments only) is a config with every default.
      JsonNode tree = YAML.readTree(Files.readString(file));
      parsed = tree == null || tree.isMissingNode() || tree.isNull() ? null
          : YAML.treeToValue(tree, Object.class);
    } catch (JacksonException e) {
      throw new UsageException("--config " + file + " is not valid YAML: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException("--config " + file + " cannot be read: " + e.getMessage());
    }
    if (parsed == null) {
      return new JsonObject();
    }
    if (!(parsed instanceof Map<?, ?>)) {
      throw new UsageException("--config " + file + " must be a mapping with a providers: section");
    }
    @SuppressWarnings("unchecked")
    JsonObject root = new JsonObject((Map<String, Object>) parsed);
    for (String key : root.fieldNames()) {
      if (!SECTIONS.contains(key)) {
        throw new UsageException("--config " + file + ": unknown section \"" + key
            + "\" (known: portal, providers)");
      }
    }
    Object section = root.getValue(name);
    if (section != null && !(section instanceof JsonObject)) {
      throw new UsageException("--config " + file + ": " + name + " must be " + shape);
    }
    return section == null ? new JsonObject() : (JsonObject) section;
  }
}
