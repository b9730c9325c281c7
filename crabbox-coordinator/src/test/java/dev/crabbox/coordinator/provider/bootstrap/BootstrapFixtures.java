package dev.crabbox.coordinator.provider.bootstrap;

import dev.crabbox.coordinator.provider.ProvisionRequest;
import dev.crabbox.protocol.api.LeaseView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** Requests, deterministic secrets and the parsed document, shared by the bootstrap tests. */
final class BootstrapFixtures {

  /** The operator's key authorized on the lease (a throwaway key, not used anywhere). */
  static final String OPERATOR_KEY = "ssh-ed25519 "
      + "AAAAC3NzaC1lZDI1NTE5AAAAIGH5Hz9ENifZI3ngNZlzx+1agxfv2tKfH86UtGiyZSyD operator@laptop";

  private BootstrapFixtures() {}

  static ProvisionRequest request(LeaseView.Labels labels) {
    return new ProvisionRequest("cbx_0123456789ab", "blue-crab", "alice", "acme", "linux",
        labels, OPERATOR_KEY, Map.of(), Map.of());
  }

  /**
   * A request with secrets from a seeded generator: the same on every run and JVM (SHA1PRNG is
   * deterministic once seeded before first use), so the golden documents are stable.
   */
  static ProvisionRequest requestWithFixedSecrets(LeaseView.Labels labels) {
    ProvisionRequest request = request(labels);
    CloudInitBootstrap seeded = new CloudInitBootstrap(BootstrapOptions.DEFAULTS, seededRandom());
    return request.withSecrets(seeded.prepareSecrets(request));
  }

  static SecureRandom seededRandom() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(20261125L);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> parse(String document) {
    return new Yaml().load(document);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> writeFiles(Map<String, Object> document) {
    return (List<Map<String, Object>>) document.get("write_files");
  }

  static Map<String, Object> file(Map<String, Object> document, String path) {
    return writeFiles(document).stream().filter(f -> path.equals(f.get("path"))).findFirst()
        .orElseThrow(() -> new AssertionError("no write_files entry for " + path));
  }

  static String content(Map<String, Object> document, String path) {
    return (String) file(document, path).get("content");
  }

  /** Every shell part of the document: scripts among write_files, and the runcmd entries. */
  static Map<String, String> shellParts(Map<String, Object> document) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (Map<String, Object> file : writeFiles(document)) {
      String content = (String) file.get("content");
      String path = (String) file.get("path");
      if (content.startsWith("#!/bin/sh") || path.endsWith(".sh")) {
        parts.put(path, content);
      }
    }
    List<?> runcmd = (List<?>) document.get("runcmd");
    for (int i = 0; i < runcmd.size(); i++) {
      parts.put("runcmd[" + i + "]", runcmd.get(i) + "\n");
    }
    return parts;
  }

  /** Runs a command to completion; its output (stdout and stderr) and exit code. */
  static ProcessResult run(List<String> command, Path workDir) {
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
          .directory(workDir.toFile()).redirectErrorStream(true);
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish");
      }
      return new ProcessResult(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Writes {@code text} to {@code dir/name}. */
  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record ProcessResult(int exitCode, String output) {}
}
