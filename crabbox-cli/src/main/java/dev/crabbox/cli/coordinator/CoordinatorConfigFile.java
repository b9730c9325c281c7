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
 * The coordinator's YAML config file ({@code coordinator serve --config}): today one section,
 * {@code providers}, with a subsection per provider ({@code local}, {@code static},
 * {@code hetzner}, {@code aws}) and {@code bootstrap}. See config/coordinator.example.yaml.
 * Credentials may stay out of the file: providers also read their environment variables.
 */
final class CoordinatorConfigFile {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> SECTIONS = Set.of("providers");

  private CoordinatorConfigFile() {}

  /** The {@code providers} section of {@code file}, empty when the file has none. */
  static JsonObject providers(Path file) {
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
            + "\" (known: providers)");
      }
    }
    Object providers = root.getValue("providers");
    if (providers != null && !(providers instanceof JsonObject)) {
      throw new UsageException("--config " + file + ": providers must be a mapping of provider "
          + "name to settings");
    }
    return providers == null ? new JsonObject() : (JsonObject) providers;
  }
}
