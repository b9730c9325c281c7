package dev.crabbox.coordinator.provider.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Whatever the writer emits, a YAML parser reads back as the same values. */
class YamlWriterTest {

  @Test
  void trickyStringsRoundTrip() {
    Map<String, Object> root = new LinkedHashMap<>();
    List<String> values = List.of("plain", "yes", "No", "null", "0755", "1.5", "a: b", "# not a comment",
        "- not an item", "ends with colon:", "quote \" and backslash \\", "tab\there", "",
        " leading space", "trailing space ", "{braces}", "[brackets]", "*alias", "&anchor",
        "!tag", "%percent", "@at", "`tick", "ünïcödé", "bell\u0007");
    for (int i = 0; i < values.size(); i++) {
      root.put("k" + i, values.get(i));
    }
    assertRoundTrip(root);
  }

  @Test
  void multiLineStringsKeepTheirExactEnding() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("oneNewline", "#!/bin/sh\necho hi\n");
    root.put("noNewline", "line one\nline two");
    root.put("twoNewlines", "text\n\n");
    root.put("blankLineInside", "a\n\n  indented b\n");
    root.put("leadingSpace", "  starts indented\nnext\n");
    root.put("leadingNewline", "\nafter a blank line\n");
    root.put("windows", "crlf\r\nline\r\n");
    root.put("controlCharacter", "bell\u0007\nline\n");
    root.put("tabs", "\tindented by tab\nnext\n");
    assertRoundTrip(root);
  }

  @Test
  void nestedMapsListsAndScalarsRoundTrip() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("path", "/etc/x");
    item.put("content", "a\nb\n");
    item.put("flags", List.of("x", "y"));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("items", List.of(item, Map.of("only", true)));
    root.put("empty", List.of());
    root.put("emptyMap", Map.of());
    root.put("number", 8080);
    root.put("nested", Map.of("inner", Map.of("deep", "value")));
    assertRoundTrip(root);
  }

  private static void assertRoundTrip(Map<String, Object> root) {
    String text = YamlWriter.document("#cloud-config", root);
    Object parsed = new Yaml().load(text);
    assertEquals(root, parsed, text);
  }
}
