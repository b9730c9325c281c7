package dev.crabbox.coordinator.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a PostgreSQL store lives, parsed from {@code postgresql://user:password@host:port/database}
 * ({@code postgres://} too; port 5432 when left out; user, password and database percent-encoded
 * where needed). The password may also come from elsewhere (see {@link #withPassword}); it is
 * never part of {@link #toString()}.
 */
public final class PostgresUrl {

  /** Port when the URL names none. */
  public static final int DEFAULT_PORT = 5432;
  private static final String EXAMPLE = "postgresql://user:password@host:5432/database";

  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;

  private PostgresUrl(String host, int port, String database, String user, String password) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /**
   * Parses {@code text}; throws {@link IllegalArgumentException} with a message for a person (that
   * never repeats the password) when it is not a usable PostgreSQL URL.
   */
  public static PostgresUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("is empty");
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw invalid("cannot be read as a URL");
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equalsIgnoreCase(scheme) && !"postgres".equalsIgnoreCase(scheme)) {
      throw invalid("must start with postgresql://");
    }
    if (uri.getRawAuthority() == null || uri.getHost() == null) {
      throw invalid(uri.getRawAuthority() == null ? "names no host"
          : "has a host or port that cannot be read");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid("must not have ?parameters or a #fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.length() <= 1 || path.indexOf('/', 1) >= 0) {
      throw invalid("must name one database as its path, e.g. /crabbox");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty() || userInfo.startsWith(":")) {
      throw invalid("names no user (user@host)");
    }
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    if (port == 0 || port > 65535) {
      throw invalid("has port " + port + "; it must be 1..65535");
    }
    return new PostgresUrl(host, port, decode(path.substring(1)), user,
        password == null || password.isEmpty() ? null : password);
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("the PostgreSQL URL " + why + " (expected " + EXAMPLE + ")");
  }

  /** Percent-decoding only: a '+' stays a '+' (it is no space in a URL's user or path). */
  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("has a broken %-escape");
    }
  }

  /** The same place with {@code password} (when the URL carries none; e.g. from the environment). */
  public PostgresUrl withPassword(String password) {
    return new PostgresUrl(host, port, database, user, password);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  /** The password, or null when none was given. */
  public String password() {
    return password;
  }

  public boolean hasPassword() {
    return password != null;
  }

  /** The JDBC URL of the same database, for Flyway; user and password are handed over apart. */
  String jdbcUrl() {
    String jdbcHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + jdbcHost + ":" + port + "/"
        + encodePathSegment(database);
  }

  /** The URL without its password, safe for logs and messages. */
  @Override
  public String toString() {
    String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return "postgresql://" + user + "@" + shownHost + ":" + port + "/" + database;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PostgresUrl that && host.equals(that.host) && port == that.port
        && database.equals(that.database) && user.equals(that.user)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, database, user, password);
  }

  /** Percent-encodes a database name for a URL path (names are usually plain). */
  private static String encodePathSegment(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
