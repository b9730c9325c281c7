package dev.crabbox.cli.egress.start;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The slim {@code crabbox-agent} jar this CLI carries as a class-path resource (the build copies
 * the agent module's {@code slim} artifact into the CLI's classes), and its SHA-256, which names
 * its copy on a lease so an unchanged helper is uploaded once.
 */
public final class AgentJar {
  /** Where the build puts the jar among the CLI's classes. */
  static final String RESOURCE = "/dev/crabbox/cli/agent/crabbox-agent-slim.jar";

  private final byte[] bytes;
  private final String sha256;

  private AgentJar(byte[] bytes) {
    this.bytes = bytes;
    this.sha256 = digest(bytes);
  }

  /** The carried jar; a clear failure for a CLI built without it. */
  public static AgentJar carried() {
    try (InputStream in = AgentJar.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("this crabbox build carries no egress client helper ("
            + RESOURCE + " is missing); rebuild it with `mvn package`");
      }
      return new AgentJar(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the egress client helper " + RESOURCE, e);
    }
  }

  /** Lower-case hex SHA-256 of the jar. */
  public String sha256() {
    return sha256;
  }

  /** The jar's length in bytes. */
  public int size() {
    return bytes.length;
  }

  /** The jar's bytes, as a fresh stream. */
  public InputStream open() {
    return new ByteArrayInputStream(bytes);
  }

  /** The file name of the jar on a lease: {@code crabbox-agent-<sha256>.jar}. */
  public String fileName() {
    return "crabbox-agent-" + sha256 + ".jar";
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
