package dev.crabbox.cli.egress.start;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JavaRuntimeTest {
  @Test
  void readsTheMajorVersionOfModernAndLegacyVersionLines() {
    assertEquals(OptionalInt.of(17), JavaRuntime.major("openjdk version \"17.0.15\" 2025-04-15"));
    assertEquals(OptionalInt.of(21), JavaRuntime.major("java version \"21\" 2023-09-19 LTS"));
    assertEquals(OptionalInt.of(8), JavaRuntime.major("openjdk version \"1.8.0_392\""));
    assertEquals(OptionalInt.of(25), JavaRuntime.major("openjdk version \"25-ea\" 2025-09-16"));
    assertEquals(OptionalInt.empty(), JavaRuntime.major(""));
  }

  @Test
  void theRefusalNamesWhatWasFoundAndHowToInstall() {
    assertEquals("egress start needs Java 17 or newer on the lease to run the egress client helper, but "
        + "crabbox@box:22 has only openjdk version \"11.0.2\"; install one (for example `sudo apt-get install -y "
        + "openjdk-17-jre-headless`) and run egress start again",
        JavaRuntime.refusal("crabbox@box:22", "openjdk version \"11.0.2\"\n"));
    assertEquals("egress start needs Java 17 or newer on the lease to run the egress client helper, but "
        + "crabbox@box:22 has no java on the PATH; install one (for example `sudo apt-get install -y "
        + "openjdk-17-jre-headless`) and run egress start again", JavaRuntime.refusal("crabbox@box:22", ""));
  }
}
