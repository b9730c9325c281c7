package dev.crabbox.coordinator.provider.bootstrap;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the small YAML subset a cloud-config needs: block mappings and sequences of strings,
 * booleans, integers, maps and lists. Output is deterministic (map order is kept), so documents
 * can be compared with golden files. Strings are written plain when YAML cannot misread them,
 * as literal blocks when they span lines (scripts, keys), and double-quoted otherwise.
 */
final class YamlWriter {

  private static final String INDENT = "  ";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z/~][A-Za-z0-9_./~@+=-]*");
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true",
      "false", "null");

  private final StringBuilder out = new StringBuilder();

  private YamlWriter() {}

  /** {@code header} (e.g. {@code #cloud-config}) on the first line, then the mapping. */
  static String document(String header, Map<String, ?> root) {
    YamlWriter writer = new YamlWriter();
    writer.out.append(header).append('\n');
    writer.mapping(root, "", false);
    return writer.out.toString();
  }

  /** @param inSequenceItem the first key shares the {@code "- "} line the caller wrote */
  private void mapping(Map<String, ?> map, String indent, boolean inSequenceItem) {
    boolean first = true;
    for (Map.Entry<String, ?> entry : map.entrySet()) {
      if (!first || !inSequenceItem) {
        out.append(indent);
      }
      first = false;
      out.append(plainKey(entry.getKey())).append(':');
      value(entry.getValue(), indent);
    }
  }

  private void value(Object value, String indent) {
    if (value instanceof Map) {
      Map<String, ?> map = castMap(value);
      if (map.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        mapping(map, indent + INDENT, false);
      }
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      if (list.isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        sequence(list, indent + INDENT);
      }
    } else {
      out.append(' ');
      scalar(value, indent + INDENT);
    }
  }

  private void sequence(List<?> list, String indent) {
    for (Object item : list) {
      out.append(indent).append("- ");
      if (item instanceof Map && !castMap(item).isEmpty()) {
        mapping(castMap(item), indent + INDENT, true);
      } else if (item instanceof List) {
        throw new IllegalArgumentException("nested sequences are not needed in a cloud-config");
      } else {
        scalar(item, indent + INDENT);
      }
    }
  }

  private void scalar(Object value, String blockIndent) {
    if (value instanceof Boolean || value instanceof Integer) {
      out.append(value).append('\n');
    } else if (value instanceof String) {
      string((String) value, blockIndent);
    } else {
      throw new IllegalArgumentException("cannot write " + value + " as YAML");
    }
  }

  private void string(String text, String blockIndent) {
    if (text.indexOf('\n') >= 0 && literalSafe(text)) {
      literal(text, blockIndent);
    } else if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
      out.append(text).append('\n');
    } else {
      quoted(text);
      out.append('\n');
    }
  }

  /** Literal blocks hold printable text whose first line sets the indentation. */
  private static boolean literalSafe(String text) {
    if (text.startsWith(" ") || text.startsWith("\n")) {
      return false;
    }
    return text.chars().allMatch(c -> c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f));
  }

  /** {@code |} keeps one final newline, {@code |-} none, {@code |+} all of them. */
  private void literal(String text, String indent) {
    String body = text;
    String chomping = "-";
    if (body.endsWith("\n")) {
      body = body.substring(0, body.length() - 1);
      chomping = body.endsWith("\n") ? "+" : "";
    }
    out.append('|').append(chomping).append('\n');
    for (String line : body.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append(indent).append(line);
      }
      out.append('\n');
    }
  }

  private void quoted(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static String plainKey(String key) {
    if (!PLAIN.matcher(key).matches()) {
      throw new IllegalArgumentException("cloud-config keys are plain words, not " + key);
    }
    return key;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> castMap(Object value) {
    return (Map<String, ?>) value;
  }
}
