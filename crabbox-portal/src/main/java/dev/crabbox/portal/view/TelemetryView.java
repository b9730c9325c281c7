package dev.crabbox.portal.view;

import java.util.List;

/** Latest Linux telemetry of a lease or run as gauges with sparklines, and threshold pills. */
public record TelemetryView(int samples, String sampledAgo, String sampledAt, List<Gauge> gauges,
    List<Pill> pills) {

  public boolean present() {
    return samples > 0;
  }

  public boolean trend() {
    return samples > 1;
  }
}
