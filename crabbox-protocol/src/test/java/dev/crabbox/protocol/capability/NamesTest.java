package dev.crabbox.protocol.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({"linux, LINUX", "macos, MACOS", "windows, WINDOWS", "' Linux ', LINUX", "MacOS, MACOS"})
  void targetsParse(String text, LeaseTarget want) {
    assertEquals(want, LeaseTarget.parse(text));
  }

  @Test
  void targetWireNames() {
    assertEquals(
        List.of("linux", "macos", "windows"),
        Stream.of(LeaseTarget.values()).map(LeaseTarget::wireName).collect(Collectors.toList()));
    assertEquals("macos", LeaseTarget.MACOS.toString());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "darwin", "osx", "win", "ubuntu", "mac os"})
  void unknownTargetNamesTheKnownOnes(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LeaseTarget.parse(text));
    assertEquals(
        "unknown target \"" + text + "\"; known targets: linux, macos, windows", e.getMessage());
  }

  @Test
  void capabilityLabelsAndFlags() {
    assertEquals(
        List.of("desktop", "browser", "code"),
        Stream.of(Capability.values()).map(Capability::label).collect(Collectors.toList()));
    assertEquals(
        List.of("--desktop", "--browser", "--code"),
        Stream.of(Capability.values()).map(Capability::flag).collect(Collectors.toList()));
  }

  @ParameterizedTest
  @CsvSource({"desktop, DESKTOP", "browser, BROWSER", "code, CODE", "' Code', CODE"})
  void capabilitiesParse(String text, Capability want) {
    assertEquals(want, Capability.parse(text));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "vnc", "vscode", "chrome"})
  void unknownCapabilityNamesTheKnownOnes(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Capability.parse(text));
    assertEquals(
        "unknown capability \"" + text + "\"; known capabilities: desktop, browser, code",
        e.getMessage());
  }
}
