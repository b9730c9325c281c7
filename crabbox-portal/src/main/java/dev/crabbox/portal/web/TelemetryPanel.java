package dev.crabbox.portal.web;

import dev.crabbox.coordinator.store.TelemetrySample;
import dev.crabbox.portal.view.Gauge;
import dev.crabbox.portal.view.Pill;
import dev.crabbox.portal.view.TelemetryView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Turns telemetry samples (oldest first) into gauges, sparklines and the status pills: stale
 * telemetry (latest sample older than 10 minutes), high load (load1 ≥ 16), high memory (≥ 85 %)
 * and high disk (≥ 85 %).
 */
public final class TelemetryPanel {

  public static final Duration STALE_AFTER = Duration.ofMinutes(10);
  public static final double HIGH_LOAD = 16;
  public static final double HIGH_PERCENT = 85;

  private TelemetryPanel() {}

  /**
   * @param staleMatters whether an old latest sample deserves the stale pill (a live lease);
   *     a finished run's samples are old by nature
   */
  public static TelemetryView of(List<TelemetrySample> samples, Instant now, boolean staleMatters) {
    if (samples.isEmpty()) {
      return new TelemetryView(0, "", "", List.of(), List.of());
    }
    TelemetrySample latest = samples.get(samples.size() - 1);
    List<Gauge> gauges = List.of(
        gauge("load1", samples, TelemetrySample::load1, HIGH_LOAD, "%.2f", ""),
        gauge("memory", samples, TelemetrySample::memoryPercent, 100, "%.0f", " %"),
        gauge("disk", samples, TelemetrySample::diskPercent, 100, "%.0f", " %"));
    List<Pill> pills = new ArrayList<>();
    if (staleMatters && Duration.between(latest.at(), now).compareTo(STALE_AFTER) > 0) {
      pills.add(new Pill("stale telemetry", "warn", "latest sample " + Times.relative(latest.at(),
          now) + "; samples older than 10 min are stale"));
    }
    if (latest.load1() >= HIGH_LOAD) {
      pills.add(new Pill("high load", "bad", "load1 " + format("%.2f", latest.load1()) + " ≥ 16"));
    }
    if (latest.memoryPercent() >= HIGH_PERCENT) {
      pills.add(new Pill("high memory", "bad", "memory " + format("%.0f", latest.memoryPercent())
          + " % ≥ 85 %"));
    }
    if (latest.diskPercent() >= HIGH_PERCENT) {
      pills.add(new Pill("high disk", "bad", "disk " + format("%.0f", latest.diskPercent())
          + " % ≥ 85 %"));
    }
    return new TelemetryView(samples.size(), Times.relative(latest.at(), now),
        Times.iso(latest.at()), gauges, pills);
  }

  private static Gauge gauge(String label, List<TelemetrySample> samples,
      ToDoubleFunction<TelemetrySample> value, double max, String pattern, String unit) {
    List<Double> values = new ArrayList<>(samples.size());
    samples.forEach(s -> values.add(value.applyAsDouble(s)));
    double latest = values.get(values.size() - 1);
    double threshold = max == 100 ? HIGH_PERCENT : HIGH_LOAD;
    return new Gauge(label, format(pattern, latest) + unit, Math.min(latest, max), max,
        Sparkline.points(values, max), latest >= threshold);
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
