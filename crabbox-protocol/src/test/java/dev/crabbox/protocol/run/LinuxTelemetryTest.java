package dev.crabbox.protocol.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinuxTelemetryTest {

  private static final String LOADAVG = "0.52 0.58 0.59 1/467 12345\n";
  private static final String MEMINFO = """
      MemTotal:        8000000 kB
      MemFree:          500000 kB
      MemAvailable:    2000000 kB
      Buffers:          100000 kB
      Cached:          1000000 kB
      SwapCached:            0 kB
      """;
  private static final String DF = """
      Filesystem     1024-blocks     Used Available Capacity Mounted on
      /dev/sda1         40000000 30000000  10000000      75% /
      """;

  @Test
  void parsesTheSampleCommandOutput() {
    String output = LOADAVG + LinuxTelemetry.SEPARATOR + "\n" + MEMINFO + LinuxTelemetry.SEPARATOR
        + "\n" + DF;
    assertEquals(new LinuxTelemetry(0.52, 75.0, 75.0), LinuxTelemetry.parse(output));
  }

  @Test
  void oldKernelsWithoutMemAvailableUseFreeBuffersAndCache() {
    String old = "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 250 kB\n";
    assertEquals(60.0, LinuxTelemetry.memoryPercent(old));
  }

  @Test
  void diskPercentIsUsedOverUsedPlusAvailableLikeDf() {
    String reserved = "Filesystem 1024-blocks Used Available Capacity Mounted on\n"
        + "/dev/vda1 100 45 45 50% /\n";
    assertEquals(50.0, LinuxTelemetry.diskPercent(reserved));
  }

  @Test
  void saysWhichSectionIsUnreadable() {
    assertEquals("/proc/meminfo has no MemTotal",
        assertThrows(IllegalArgumentException.class, () -> LinuxTelemetry.memoryPercent("x")).getMessage());
    assertEquals("df printed no filesystem row",
        assertThrows(IllegalArgumentException.class, () -> LinuxTelemetry.diskPercent("Filesystem")).getMessage());
    assertEquals("telemetry output has 1 sections, expected loadavg, meminfo and df",
        assertThrows(IllegalArgumentException.class, () -> LinuxTelemetry.parse(LOADAVG)).getMessage());
  }
}
