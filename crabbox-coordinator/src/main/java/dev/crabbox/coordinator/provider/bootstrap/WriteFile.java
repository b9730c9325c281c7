package dev.crabbox.coordinator.provider.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One cloud-init {@code write_files} entry, owned by root.
 *
 * @param path absolute path on the machine
 * @param permissions octal mode such as {@code 0755}
 * @param content the file's text
 */
record WriteFile(String path, String permissions, String content) {

  static final String EXECUTABLE = "0755";
  static final String READABLE = "0644";
  static final String PRIVATE = "0600";

  WriteFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(permissions, "permissions");
    Objects.requireNonNull(content, "content");
  }

  Map<String, Object> toYaml() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("path", path);
    entry.put("permissions", permissions);
    entry.put("content", content);
    return entry;
  }
}
