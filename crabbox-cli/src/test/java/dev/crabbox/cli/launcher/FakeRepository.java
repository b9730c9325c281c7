package dev.crabbox.cli.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A throwaway copy of the repository layout that bin/crabbox expects, with a fake {@code mvn} on
 * the PATH: it prints to stdout (which the launcher must divert to stderr), counts its runs, and
 * "builds" crabbox.jar by copying a tiny jar whose main class echoes its arguments.
 */
final class FakeRepository {
  final Path root;
  final Path tools;
  final Path buildLog;
  final Path jar;
  final Path source;

  FakeRepository(Path base) throws IOException {
    root = Files.createDirectories(base.resolve("repo"));
    tools = Files.createDirectories(base.resolve("tools"));
    buildLog = base.resolve("builds.log");
    jar = root.resolve("crabbox-cli/target/crabbox.jar");
    Files.createDirectories(root.resolve("bin"));
    Files.copy(launcherScript(), root.resolve("bin/crabbox"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.createDirectories(root.resolve("crabbox-cli/src/main/java"));
    Files.writeString(root.resolve("crabbox-cli/pom.xml"), "<project/>");
    source = Files.writeString(root.resolve("crabbox-cli/src/main/java/Source.java"), "class Source {}");
    Path echoJar = echoJar(base.resolve("echo"));
    // Writes where -Dcrabbox.jar= says, like the real pom (default: target/crabbox.jar).
    executable(tools.resolve("mvn"), "#!/usr/bin/env bash\n"
        + "echo \"fake maven: $*\"\n"
        + "echo build >> '" + buildLog + "'\n"
        + "out=crabbox-cli/target/crabbox.jar\n"
        + "for arg in \"$@\"; do case $arg in -Dcrabbox.jar=*) out=${arg#-Dcrabbox.jar=} ;; esac; done\n"
        + "sleep 1\n"
        + "mkdir -p crabbox-cli/target && cp '" + echoJar + "' \"$out\"\n");
  }

  int builds() throws IOException {
    return Files.exists(buildLog) ? Files.readAllLines(buildLog).size() : 0;
  }

  /** The launcher under test: bin/crabbox of the real repository. */
  static Path launcherScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("bin/crabbox");
      if (Files.isRegularFile(candidate) && Files.exists(dir.resolve("crabbox-cli"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("bin/crabbox not found above " + Path.of("").toAbsolutePath());
  }

  static void executable(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Compiles a one-class program that prints its arguments and jars it as runnable. */
  private static Path echoJar(Path dir) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path echo = Files.writeString(sources.resolve("Echo.java"),
        "public class Echo { public static void main(String[] a) {"
            + " System.out.println(\"args=\" + String.join(\" \", a)); } }");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler.run(null, null, null, "-d", classes.toString(), echo.toString()) != 0) {
      throw new IllegalStateException("cannot compile the echo program");
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
    Path jar = dir.resolve("echo.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("Echo.class"));
      out.write(Files.readAllBytes(classes.resolve("Echo.class")));
      out.closeEntry();
    }
    return jar;
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
