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
  }
}
