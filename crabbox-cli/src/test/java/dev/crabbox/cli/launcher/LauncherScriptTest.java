package dev.crabbox.cli.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/crabbox against a fake repository and a fake Maven. */
class LauncherScriptTest {
  @TempDir
  Path base;

  private FakeRepository repo;

  @BeforeAll
  static void needsBashAndFlock() {
    assumeTrue(onPath("bash") && onPath("flock"), "bash and flock are needed to run bin/crabbox");
  }

  @BeforeEach
  void createRepository() throws IOException {
    repo = new FakeRepository(base);
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private record Run(int exitCode, String out, String err) {
  }

  private Process start(Path launcher, Path workDir, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().put("PATH", repo.tools + ":" + System.getenv("PATH"));
    builder.environment().remove("CRABBOX_JAVA_OPTS");
    builder.environment().putAll(env);
    return builder.start();
  }

  private static Run finish(Process process) throws Exception {
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launcher finished");
    return new Run(process.exitValue(), FakeRepository.utf8(out), FakeRepository.utf8(err));
  }

  private Run run(String... args) throws Exception {
    return finish(start(repo.root.resolve("bin/crabbox"), base, Map.of(), args));
  }

  @Test
  void firstRunBuildsWithAllBuildOutputOnStderrThenRunsTheJar() throws Exception {
    Run run = run("egress", "status", "blue-lobster");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("args=egress status blue-lobster\n", run.out(), "stdout carries only the command's output");
    assertTrue(run.err().contains("fake maven: -B -q -DskipTests -pl crabbox-cli -am package"), run.err());
    assertFalse(Files.exists(repo.jar.resolveSibling("crabbox.jar.new")));
    assertEquals(1, repo.builds());
  }

  @Test
  void freshJarIsNotRebuilt() throws Exception {
    run("--version");
    Run second = run("--version");

    assertEquals("args=--version\n", second.out());
    assertEquals("", second.err());
    assertEquals(1, repo.builds());
  }

  @Test
  void sourceNewerThanTheJarTriggersARebuild() throws Exception {
    run("--version");
    Instant now = Instant.now();
    Files.setLastModifiedTime(repo.jar, FileTime.from(now.minus(Duration.ofHours(1))));
    Files.setLastModifiedTime(repo.source, FileTime.from(now));

    Run run = run("--version");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, repo.builds());
  }

  @Test
  void rebuildRenamesANewJarIntoPlaceSoRunningProcessesKeepTheirs() throws Exception {
    run("--version");
    Object firstInode = Files.getAttribute(repo.jar, "unix:ino");
    Files.setLastModifiedTime(repo.jar, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

    run("--version");

    assertEquals(2, repo.builds());
    assertNotEquals(firstInode, Files.getAttribute(repo.jar, "unix:ino"), "a new file, not a rewrite");
    assertFalse(Files.exists(repo.jar.resolveSibling("crabbox.jar.new")));
  }

  @Test
  void modulePomNewerThanTheJarTriggersARebuild() throws Exception {
    run("--version");
    Instant now = Instant.now();
    Files.setLastModifiedTime(repo.jar, FileTime.from(now.minus(Duration.ofHours(1))));
    Files.setLastModifiedTime(repo.root.resolve("crabbox-cli/pom.xml"), FileTime.from(now));

    run("--version");

    assertEquals(2, repo.builds());
  }

  @Test
  void concurrentFirstRunsBuildOnce() throws Exception {
    Path launcher = repo.root.resolve("bin/crabbox");
    Process first = start(launcher, base, Map.of(), "one");
    Process second = start(launcher, base, Map.of(), "two");

    Run firstRun = finish(first);
    Run secondRun = finish(second);

    assertEquals("args=one\n", firstRun.out(), firstRun.err());
    assertEquals("args=two\n", secondRun.out(), secondRun.err());
    assertEquals(1, repo.builds(), "the second run waited for the first build and reused its jar");
  }

  @Test
  void worksFromAnyDirectoryAndThroughASymlink() throws Exception {
    Path elsewhere = Files.createDirectories(base.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(elsewhere.resolve("crabbox"), repo.root.resolve("bin/crabbox"));

    Run run = finish(start(link, elsewhere, Map.of(), "login", "--help"));

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("args=login --help\n", run.out());
    assertTrue(Files.exists(repo.jar));
  }

  @Test
  void javaOptionsAreSplitIntoArguments() throws Exception {
    Run run = finish(start(repo.root.resolve("bin/crabbox"), base,
        Map.of("CRABBOX_JAVA_OPTS", "-Dx=1   -Xmx64m"), "ok"));

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("args=ok\n", run.out());
  }

  @Test
  void missingMavenIsAClearError() throws Exception {
    Path onlyShell = Files.createDirectories(base.resolve("only-shell"));
    for (String tool : List.of("bash", "env", "dirname", "readlink", "find")) {
      Path real = Path.of(whichOf(tool));
      Files.createSymbolicLink(onlyShell.resolve(tool), real);
    }
    ProcessBuilder builder = new ProcessBuilder(repo.root.resolve("bin/crabbox").toString(), "--version")
        .directory(base.toFile());
    builder.environment().put("PATH", onlyShell.toString());
    Run run = finish(builder.start());

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("crabbox: Maven (mvn) is not on PATH"), run.err());
    assertFalse(Files.exists(repo.jar));
  }

  @Test
  void missingJavaIsAClearError() throws Exception {
    run("--version");
    Path noJava = Files.createDirectories(base.resolve("no-java"));
    for (String tool : List.of("bash", "env", "dirname", "readlink", "find")) {
      Files.createSymbolicLink(noJava.resolve(tool), Path.of(whichOf(tool)));
    }
    ProcessBuilder builder = new ProcessBuilder(repo.root.resolve("bin/crabbox").toString(), "--version")
        .directory(base.toFile());
    builder.environment().put("PATH", noJava.toString());
    builder.environment().remove("JAVA_HOME");
    Run run = finish(builder.start());

    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("crabbox: Java is not installed"), run.err());
  }

  private static String whichOf(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, tool);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(tool + " is not on PATH");
  }
}
