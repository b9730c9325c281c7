package dev.crabbox.coordinator.provider.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the EC2 Query API's numbered parameters: {@code Name.1, Name.2, ...} and filters. */
final class Ec2Params {

  private Ec2Params() {}

  /** {@code prefix.1}, {@code prefix.2}, ... until one is missing. */
  static List<String> list(Map<String, String> params, String prefix) {
    List<String> values = new ArrayList<>();
    for (int n = 1; params.containsKey(prefix + "." + n); n++) {
      values.add(params.get(prefix + "." + n));
    }
    return values;
  }

  /** {@code Filter.N.Name} to its {@code Filter.N.Value.M} values. */
  static Map<String, List<String>> filters(Map<String, String> params) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (int n = 1; params.containsKey("Filter." + n + ".Name"); n++) {
      filters.put(params.get("Filter." + n + ".Name"), list(params, "Filter." + n + ".Value"));
    }
    return filters;
  }
}
