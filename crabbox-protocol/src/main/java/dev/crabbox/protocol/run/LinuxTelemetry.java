package dev.crabbox.protocol.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One telemetry sample of a Linux lease, read from the text of {@code /proc/loadavg},
 * {@code /proc/meminfo} and {@code df -P -k /}.
 *
 * @param load1 the one-minute load average
 * @param memoryPercent memory in use: {@code (MemTotal - MemAvailable) / MemTotal}
 * @param diskPercent the root filesystem's use as df reports it: {@code used / (used + available)}
 */
public record LinuxTelemetry(double load1, double memoryPercent, double diskPercent) {

  /** Separates the three sections in {@link #SAMPLE_COMMAND}'s output. */
  public static final String SEPARATOR = "--crabbox--";

  /** The shell command whose output {@link #parse(String)} reads. */
  public static final String SAMPLE_COMMAND = "cat /proc/loadavg; echo '" + SEPARATOR
      + "'; cat /proc/meminfo; echo '" + SEPARATOR + "'; df -P -k /";

  private static final Pattern MEMINFO = Pattern.compile("(?m)^(\\w+):\\s+(\\d+)");

  /**
   * Parses {@link #SAMPLE_COMMAND}'s output.
   *
   * @throws IllegalArgumentException naming the section that cannot be read
   */
  public static LinuxTelemetry parse(String sampleOutput) {
    String[] parts = sampleOutput.split("(?m)^" + Pattern.quote(SEPARATOR) + "\\s*$", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("telemetry output has " + parts.length
          + " sections, expected loadavg, meminfo and df");
    }
    return new LinuxTelemetry(load1(parts[0]), memoryPercent(parts[1]), diskPercent(parts[2]));
  }

  /** The first field of {@code /proc/loadavg} ({@code 0.52 0.58 0.59 1/467 12345}). */
  public static double load1(String loadavg) {
    String[] fields = loadavg.trim().split("\\s+");
    try {
      return Double.parseDouble(fields[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("/proc/loadavg does not start with a number: " + fields[0]);
    }
  }

  /** Used memory in percent from {@code /proc/meminfo}, 0 to 100. */
  public static double memoryPercent(String meminfo) {
    Map<String, Long> values = new LinkedHashMap<>();
    Matcher m = MEMINFO.matcher(meminfo);
    while (m.find()) {
      values.put(m.group(1), Long.parseLong(m.group(2)));
    }
    Long total = values.get("MemTotal");
    if (total == null || total <= 0) {
      throw new IllegalArgumentException("/proc/meminfo has no MemTotal");
    }
    // Kernels before 3.14 have no MemAvailable: free + buffers + page cache is the old estimate.
    long available = values.containsKey("MemAvailable") ? values.get("MemAvailable")
        : values.getOrDefault("MemFree", 0L) + values.getOrDefault("Buffers", 0L)
            + values.getOrDefault("Cached", 0L);
    return percent(total - Math.min(available, total), total);
  }

  /** Disk use in percent from {@code df -P -k}: the data row's used and available columns. */
  public static double diskPercent(String df) {
    String[] lines = df.trim().split("\\R");
    if (lines.length < 2) {
      throw new IllegalArgumentException("df printed no filesystem row");
    }
    String[] fields = lines[lines.length - 1].trim().split("\\s+");
    if (fields.length < 6) {
      throw new IllegalArgumentException("df row has " + fields.length + " columns, expected 6");
    }
    try {
      long used = Long.parseLong(fields[fields.length - 4]);
      long available = Long.parseLong(fields[fields.length - 3]);
      return used + available == 0 ? 0 : percent(used, used + available);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("df row has no used/available numbers: " + lines[lines.length - 1]);
    }
  }

  /** The API body of {@code POST /v1/runs/{id}/telemetry} without a time (the coordinator stamps it). */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("load1", load1);
    json.put("memoryPercent", memoryPercent);
    json.put("diskPercent", diskPercent);
    return json;
  }

  private static double percent(long part, long whole) {
    return Math.round(part * 1000.0 / whole) / 10.0;
  }
}
