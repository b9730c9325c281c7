package dev.crabbox.protocol.capability;

import java.util.Objects;

/**
 * One place to look for a browser on a static/local host.
 *
 * @param source how to look
 * @param value an environment variable name ({@link Source#ENV}), a command name looked up on
 *     {@code PATH} ({@link Source#PATH}) or an absolute file path ({@link Source#FILE})
 */
public record BrowserCandidate(Source source, String value) {

  /** How a candidate is resolved. */
  public enum Source {
    /** The value of an environment variable, when set and naming an executable. */
    ENV,
    /** A command name resolved on {@code PATH} ({@code command -v}, {@code where.exe}). */
    PATH,
    /** An absolute path that must exist. */
    FILE
  }

  public BrowserCandidate {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(value, "value");
  }

  static BrowserCandidate env(String name) {
    return new BrowserCandidate(Source.ENV, name);
  }

  static BrowserCandidate path(String command) {
    return new BrowserCandidate(Source.PATH, command);
  }

  static BrowserCandidate file(String path) {
    return new BrowserCandidate(Source.FILE, path);
  }

  /** How the spec writes it: {@code $BROWSER}, {@code google-chrome}, or the path. */
  @Override
  public String toString() {
    return source == Source.ENV ? "$" + value : value;
  }
}
