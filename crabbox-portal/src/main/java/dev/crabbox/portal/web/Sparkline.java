package dev.crabbox.portal.web;

import java.util.List;
import java.util.Locale;

/** SVG polyline points for a small trend line, drawn server-side (no script needed). */
public final class Sparkline {

  public static final int WIDTH = 120;
  public static final int HEIGHT = 28;

  private Sparkline() {}

  /**
   * The {@code points} attribute of a polyline through {@code values}, scaled so that
   * {@code ceiling} (or the largest value, when larger) touches the top. Empty for fewer than two
   * values: one sample is shown as a gauge, not a line.
   */
  public static String points(List<Double> values, double ceiling) {
    if (values.size() < 2) {
      return "";
    }
    double max = ceiling;
    for (double v : values) {
      max = Math.max(max, v);
    }
    max = max <= 0 ? 1 : max;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      double x = (double) i * WIDTH / (values.size() - 1);
      double y = HEIGHT - 1 - Math.max(0, values.get(i)) / max * (HEIGHT - 2);
      if (i > 0) {
        out.append(' ');
      }
      out.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
    }
    return out.toString();
  }
}
