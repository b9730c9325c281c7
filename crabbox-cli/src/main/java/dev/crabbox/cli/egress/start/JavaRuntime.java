package dev.crabbox.cli.egress.start;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the major version out of the first line of {@code java -version}, which every JDK prints
 * as {@code <name> version "<version>" …}: {@code "17.0.15"} is 17, the old {@code "1.8.0_392"}
 * scheme is 8.
 */
final class JavaRuntime {
  /** The egress client helper is compiled for Java 17. */
  static final int REQUIRED_MAJOR = 17;
  /** What the refusal suggests; Debian and Ubuntu leases have this package. */
  static final String INSTALL_HINT = "sudo apt-get install -y openjdk-17-jre-headless";

  private static final Pattern VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?[^\"]*\"");

  private JavaRuntime() {
  }

  /** The major version, or empty when the text names none. */
  static OptionalInt major(String versionOutput) {
    Matcher matcher = VERSION.matcher(versionOutput);
    if (!matcher.find()) {
      return OptionalInt.empty();
    }
    int first = Integer.parseInt(matcher.group(1));
    if (first == 1 && matcher.group(2) != null) {
      return OptionalInt.of(Integer.parseInt(matcher.group(2)));
    }
    return OptionalInt.of(first);
  }

  /** The refusal for a lease whose Java is missing ({@code found} empty) or too old. */
  static String refusal(String endpoint, String found) {
    String what = found == null || found.isBlank() ? "no java on the PATH" : "only " + found.strip();
    return "egress start needs Java " + REQUIRED_MAJOR + " or newer on the lease to run the egress client "
        + "helper, but " + endpoint + " has " + what + "; install one (for example `" + INSTALL_HINT
        + "`) and run egress start again";
  }
}
