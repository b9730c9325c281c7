package dev.crabbox.coordinator.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinator node running {@link ClusterNodeMain} in a JVM of its own (the test's classpath),
 * its output in a file the test can search.
 */
final class NodeProcess {

  private static final Pattern READY = Pattern.compile("^" + ClusterNodeMain.READY + "(\\d+)$",
      Pattern.MULTILINE);

  private final String name;
  private final Process process;
  private final Path log;
  private int httpPort;

  private NodeProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static NodeProcess start(String name, Path dataDir, String pgUrl, int clusterPort,
      String members, Path logDir) {
    Path log = logDir.resolve(name + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName(),
        dataDir.toString(), pgUrl, Integer.toString(clusterPort), members)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    try {
      return new NodeProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (generously: three JVMs share two cores) until the node listens. */
  NodeProcess awaitReady() {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited early:\n" + output());
      }
      Matcher ready = READY.matcher(output());
      if (ready.find()) {
        httpPort = Integer.parseInt(ready.group(1));
        return true;
      }
      return false;
    });
    return this;
  }

  int httpPort() {
    return httpPort;
  }

  String name() {
    return name;
  }

  /** kill -9: no shutdown hook, no goodbye to the cluster. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String output() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many lines of the node's output contain {@code text}. */
  long linesContaining(String text) {
    return output().lines().filter(line -> line.contains(text)).count();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
