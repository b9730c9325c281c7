package dev.crabbox.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reading the lease's Java version. */
class LeaseAgentInstallerTest {

  @Test
  void readsTheMajorVersionOfEveryJavaVersionScheme() {
    assertEquals(17, LeaseAgentInstaller.javaMajor("openjdk version \"17.0.15\" 2025-04-15"));
    assertEquals(21, LeaseAgentInstaller.javaMajor("java version \"21\" 2023-09-19 LTS"));
    assertEquals(8, LeaseAgentInstaller.javaMajor("openjdk version \"1.8.0_392\""));
    assertEquals(0, LeaseAgentInstaller.javaMajor(""));
    assertEquals(0, LeaseAgentInstaller.javaMajor("bash: java: command not found"));
    assertEquals(25, LeaseAgentInstaller.javaMajor("openjdk version \"25-ea\" 2025-09-16"));
  }

  @Test
  void theJavaRefusalNamesWhatWasFoundAndHowToInstall() {
    assertEquals("egress start needs Java 17 or newer on the lease to run the crabbox helper, but "
        + "crabbox@box:22 has only openjdk version \"11.0.2\"; install one (for example `sudo apt-get "
        + "install -y openjdk-17-jre-headless`) and run egress start again",
        LeaseAgentInstaller.javaRefusal("egress start", "crabbox@box:22", "openjdk version \"11.0.2\"\n"));
    assertEquals("webvnc needs Java 17 or newer on the lease to run the crabbox helper, but "
        + "crabbox@box:22 has no java on the PATH; install one (for example `sudo apt-get install -y "
        + "openjdk-17-jre-headless`) and run webvnc again",
        LeaseAgentInstaller.javaRefusal("webvnc", "crabbox@box:22", ""));
  }
}
