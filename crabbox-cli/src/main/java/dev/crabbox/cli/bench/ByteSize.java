package dev.crabbox.cli.bench;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Byte counts on the command line: {@code 1048576}, {@code 64KiB}, {@code 256MiB}, {@code 1GiB}. */
final class ByteSize implements ITypeConverter<Long> {

  @Override
  public Long convert(String text) {
    return parse(text);
  }

  static long parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    for (String[] suffix : new String[][] {{"gib", "1073741824"}, {"mib", "1048576"}, {"kib", "1024"}, {"b", "1"}}) {
      if (t.endsWith(suffix[0])) {
        unit = Long.parseLong(suffix[1]);
        t = t.substring(0, t.length() - suffix[0].length()).trim();
        break;
      }
    }
    try {
      long value = Long.parseLong(t);
      if (value <= 0 || value > Long.MAX_VALUE / unit) {
        throw new TypeConversionException("size must be positive: " + text);
      }
      return value * unit;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a size (try 256MiB, 4MiB, 1048576): " + text);
    }
  }

  static String format(long bytes) {
    if (bytes % 1073741824L == 0) {
      return bytes / 1073741824L + " GiB";
    }
    if (bytes % 1048576L == 0) {
      return bytes / 1048576L + " MiB";
    }
    return bytes + " B";
  }
}
