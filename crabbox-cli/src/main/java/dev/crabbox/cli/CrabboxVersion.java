package dev.crabbox.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the crabbox version (filtered in at build time) and the running JVM. */
public final class CrabboxVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "crabbox " + version(),
        "JVM: ${java.version} (${java.vendor} ${java.vm.name})"
    };
  }

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    try (InputStream in = CrabboxVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
