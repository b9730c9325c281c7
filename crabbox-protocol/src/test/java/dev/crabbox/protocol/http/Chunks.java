package dev.crabbox.protocol.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Splits byte arrays at arbitrary cut points, as a socket may deliver them. */
final class Chunks {

  private Chunks() {}

  static List<byte[]> split(byte[] bytes, List<Integer> cuts) {
    TreeSet<Integer> points = new TreeSet<>();
    for (int cut : cuts) {
      if (bytes.length > 0) {
        points.add(Math.floorMod(cut, bytes.length + 1));
      }
    }
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    for (int point : points) {
      out.add(Arrays.copyOfRange(bytes, from, point));
      from = point;
    }
    out.add(Arrays.copyOfRange(bytes, from, bytes.length));
    return out;
  }
}
