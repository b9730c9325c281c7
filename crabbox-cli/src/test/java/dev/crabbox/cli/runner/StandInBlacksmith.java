package dev.crabbox.cli.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for the Blacksmith CLI: a shell script that records its arguments, prints a given
 * stdout and stderr and exits with a given code, the way the real {@code blacksmith} does.
 */
final class StandInBlacksmith {
  private final Path directory;
  private final Path script;

  private StandInBlacksmith(Path directory, String name) {
    this.directory = directory;
    this.script = directory.resolve(name);
  }

  /** A script named {@code blacksmith} in {@code directory}. */
  static StandInBlacksmith in(Path directory) {
    return new StandInBlacksmith(directory, "blacksmith");
  }

  Path script() {
    return script;
  }

  Path directory() {
    return directory;
  }

  /** Prints {@code stdout} and exits 0. */
  StandInBlacksmith printing(String stdout) throws IOException {
    return behaving(stdout, "", 0);
  }

  /** Prints {@code stdout} and {@code stderr}, then exits {@code exitCode}. */
  StandInBlacksmith behaving(String stdout, String stderr, int exitCode) throws IOException {
    Files.writeString(directory.resolve("stdout.txt"), stdout, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("stderr.txt"), stderr, StandardCharsets.UTF_8);
    return write("cat '" + directory.resolve("stdout.txt") + "'\n"
        + "cat '" + directory.resolve("stderr.txt") + "' >&2\n"
        + "exit " + exitCode + "\n");
  }

  /** Never finishes on its own (until killed). */
  StandInBlacksmith hanging() throws IOException {
    return write("exec sleep 600\n");
  }

  /** The arguments of the last run, one per element. */
  List<String> arguments() throws IOException {
    return Files.readAllLines(directory.resolve("args.txt"), StandardCharsets.UTF_8);
  }

  private StandInBlacksmith write(String body) throws IOException {
    Files.writeString(script, "#!/bin/sh\n"
        + "printf '%s\\n' \"$@\" > '" + directory.resolve("args.txt") + "'\n"
        + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return this;
  }
}
