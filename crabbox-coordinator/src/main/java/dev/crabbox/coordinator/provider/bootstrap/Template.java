package dev.crabbox.coordinator.provider.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script or unit file shipped next to this class with {@code @@NAME@@} placeholders. Keeping
 * them as files (not Java strings) lets them be read, and syntax-checked, as what they are.
 */
final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z0-9_]+)@@");

  private Template() {}

  /**
   * The resource {@code name} with every placeholder replaced.
   *
   * @param values the replacement of each placeholder, inserted as given: values that reach a
   *     shell must already be {@link #shellQuote quoted} or be plain words
   * @throws IllegalStateException when a placeholder has no value (a bug, not bad input)
   */
  static String fill(String name, Map<String, String> values) {
    String text = load(name);
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(name + " needs a value for " + matcher.group(1));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** {@code value} as one single-quoted POSIX shell word. */
  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static String load(String name) {
    try (InputStream in = Template.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bootstrap template " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bootstrap template " + name, e);
    }
  }
}
