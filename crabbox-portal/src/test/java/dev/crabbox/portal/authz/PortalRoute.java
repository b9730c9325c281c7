package dev.crabbox.portal.authz;

import java.util.EnumMap;
import java.util.Map;

/**
 * One row of the matrix: a portal route, whether it changes the lease (then each cell gets a
 * fresh lease), and the status each session must get, in {@link Who} order.
 */
record PortalRoute(String method, String path, boolean mutates, Map<Who, Integer> expected) {

  static PortalRoute of(String method, String path, boolean mutates, int... statuses) {
    Who[] all = Who.values();
    if (statuses.length != all.length) {
      throw new IllegalArgumentException(path + ": one status per session expected");
    }
    Map<Who, Integer> expected = new EnumMap<>(Who.class);
    for (int i = 0; i < all.length; i++) {
      expected.put(all[i], statuses[i]);
    }
    return new PortalRoute(method, path, mutates, expected);
  }

  /** The path with {@code {lease}}, {@code {run}} and {@code {runner}} filled in. */
  String resolve(String lease, String run, String runner) {
    return path.replace("{lease}", lease).replace("{run}", run).replace("{runner}", runner);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
