package dev.crabbox.protocol.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads from a JSON object held as a map, with messages that name the missing field. */
final class Fields {

  private Fields() {}

  static String string(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing field \"" + key + "\"");
    }
    return value.toString();
  }

  static String stringOrEmpty(Map<String, Object> json, String key) {
    Object value = json.get(key);
    return value == null ? "" : value.toString();
  }

  static boolean bool(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value == null) {
      return false;
    }
    throw new IllegalArgumentException("field \"" + key + "\" is not a boolean");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("field \"" + key + "\" is not an object");
  }

  static List<String> strings(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("field \"" + key + "\" is not an array");
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      out.add(String.valueOf(item));
    }
    return List.copyOf(out);
  }
}
