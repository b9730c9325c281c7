package dev.crabbox.coordinator.provider.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The {@code providers.bootstrap} section: defaults, overrides and messages naming the key. */
class BootstrapOptionsTest {

  private static final String OTHER_SHA256 =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void absentOrEmptySectionMeansThePinnedDefaultRelease() {
    assertSame(BootstrapOptions.DEFAULTS, BootstrapOptions.fromJson(null));
    assertSame(BootstrapOptions.DEFAULTS, BootstrapOptions.fromJson(new JsonObject()));
    assertTrue(BootstrapOptions.DEFAULTS.codeServerVerifiable());
    assertEquals("https://github.com/coder/code-server/releases/download/v4.96.4/"
        + "code-server-4.96.4-linux-amd64.tar.gz",
        BootstrapOptions.DEFAULTS.codeServerDownloadUrl());
  }

  @Test
  void versionChecksumAndUrlTemplateAreRead() {
    BootstrapOptions options = BootstrapOptions.fromJson(new JsonObject()
        .put("codeServerVersion", "4.99.1")
        .put("codeServerSha256", OTHER_SHA256.toUpperCase())
        .put("codeServerUrl", "https://mirror.example.com/code-server/{version}/cs-{version}.tgz"));

    assertEquals("4.99.1", options.codeServerVersion());
    assertEquals(OTHER_SHA256, options.codeServerSha256(), "hex is normalized to lowercase");
    assertEquals("https://mirror.example.com/code-server/4.99.1/cs-4.99.1.tgz",
        options.codeServerDownloadUrl());
  }

  @Test
  void anotherVersionWithoutItsChecksumIsNotVerifiable() {
    BootstrapOptions options = BootstrapOptions.fromJson(
        new JsonObject().put("codeServerVersion", "4.99.1"));

    assertNull(options.codeServerSha256(), "the default checksum belongs to another release");
    assertFalse(options.codeServerVerifiable());
  }

  @Test
  void checksumWithoutVersionIsRefused() {
    assertMessage("providers.bootstrap.codeServerSha256 is set without codeServerVersion;"
        + " a checksum belongs to one release, so set both",
        new JsonObject().put("codeServerSha256", OTHER_SHA256));
  }

  @Test
  void unknownKeysAreNamed() {
    assertMessage("providers.bootstrap has unknown keys codeServerSHA, mirror; known keys are"
        + " codeServerVersion, codeServerSha256, codeServerUrl",
        new JsonObject().put("mirror", "x").put("codeServerSHA", OTHER_SHA256));
  }

  @Test
  void malformedValuesAreNamed() {
    assertMessage("providers.bootstrap.codeServerVersion must be a string (got 4.9)",
        new JsonObject().put("codeServerVersion", 4.9));
    assertMessage("providers.bootstrap.codeServerVersion must be a code-server release version"
        + " such as 4.96.4 (got \"latest\")",
        new JsonObject().put("codeServerVersion", "latest"));
    assertMessage("providers.bootstrap.codeServerSha256 must be the SHA-256 of the linux-amd64"
        + " tarball as 64 hex digits (got 7 characters)",
        new JsonObject().put("codeServerVersion", "4.99.1").put("codeServerSha256", "abc1234"));
    IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
        () -> BootstrapOptions.fromJson(new JsonObject()
            .put("codeServerUrl", "http://example.com/code-server.tgz")));
    assertTrue(url.getMessage().startsWith("providers.bootstrap.codeServerUrl must be an"
        + " https:// URL with {version} where the version goes"), url.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BootstrapOptions.fromJson(new JsonObject()
        .put("codeServerUrl", "https://example.com/{version}/x.tgz; rm -rf /")),
        "nothing that could break out of the script");
  }

  private static void assertMessage(String expected, JsonObject section) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BootstrapOptions.fromJson(section));
    assertEquals(expected, e.getMessage());
  }
}
