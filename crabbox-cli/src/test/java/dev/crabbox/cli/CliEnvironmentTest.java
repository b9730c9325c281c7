package dev.crabbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliEnvironmentTest {
  @Test
  void homeComesFromTheHomeVariableWhenSet() {
    assertEquals(Path.of("/home/operator"), CliEnvironment.homeDirectory(Map.of("HOME", "/home/operator")));
  }

  @Test
  void homeFallsBackToTheJvmWithoutAUsableHomeVariable() {
    Path jvmHome = Path.of(System.getProperty("user.home"));
    assertEquals(jvmHome, CliEnvironment.homeDirectory(Map.of()));
    assertEquals(jvmHome, CliEnvironment.homeDirectory(Map.of("HOME", "relative")));
  }
}
