package dev.crabbox.cli.work;

import dev.crabbox.protocol.capability.Capability;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --desktop}, {@code --browser}, {@code --code}: the lease capabilities of spec 003. */
public final class CapabilityFlags {
  @Option(names = "--desktop", description = "A visible desktop with loopback VNC (DISPLAY=:99 in runs).")
  boolean desktop;

  @Option(names = "--browser", description = "Chrome/Chromium, exported to runs as BROWSER and CHROME_BIN.")
  boolean browser;

  @Option(names = "--code", description = "code-server on a loopback port (managed Linux leases only).")
  boolean code;

  /** The requested capabilities, in desktop, browser, code order. */
  public Set<Capability> requested() {
    Set<Capability> set = EnumSet.noneOf(Capability.class);
    if (desktop) {
      set.add(Capability.DESKTOP);
    }
    if (browser) {
      set.add(Capability.BROWSER);
    }
    if (code) {
      set.add(Capability.CODE);
    }
    return set;
  }
}
