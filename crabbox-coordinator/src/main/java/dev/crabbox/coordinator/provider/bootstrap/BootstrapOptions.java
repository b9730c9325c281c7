package dev.crabbox.coordinator.provider.bootstrap;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The coordinator's {@code providers.bootstrap} config section: which code-server release managed
 * Linux leases install for {@code --code}, and the SHA-256 its linux-amd64 tarball must have. The
 * checksum is checked on the machine before anything is unpacked, so a release is only installed
 * when its bytes are the ones configured here.
 *
 * <p>Without the section, leases get {@link #DEFAULT_CODE_SERVER_VERSION} with
 * {@link #DEFAULT_CODE_SERVER_SHA256}. Setting another {@code codeServerVersion} requires its own
 * {@code codeServerSha256}; with a version but no checksum, {@code --code} leases are refused
 * (see {@link CloudInitBootstrap#validate}) rather than installed unverified.
 *
 * @param codeServerVersion the code-server release, e.g. {@code 4.96.4}
 * @param codeServerSha256 lowercase hex SHA-256 of that release's linux-amd64 tarball, or null
 *     when not configured
 * @param codeServerUrl the download URL with {@code {version}} where the version goes
 */
public record BootstrapOptions(String codeServerVersion, String codeServerSha256,
    String codeServerUrl) {

  /** The config section's name, for messages. */
  public static final String SECTION = "providers.bootstrap";

  // Declared before DEFAULTS: its constructor checks against these.
  static final String VERSION_KEY = "codeServerVersion";
  static final String SHA256_KEY = "codeServerSha256";
  static final String URL_KEY = "codeServerUrl";
  private static final List<String> KEYS = List.of(VERSION_KEY, SHA256_KEY, URL_KEY);

  private static final String VERSION_PLACEHOLDER = "{version}";
  private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+([.+-][0-9A-Za-z.+-]+)?");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern URL = Pattern.compile("https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9._~%/{}+=-]*");

  /** The code-server release installed when the config names none. */
  public static final String DEFAULT_CODE_SERVER_VERSION = "4.96.4";

  /**
   * SHA-256 of {@code code-server-4.96.4-linux-amd64.tar.gz}, as pinned by Spack's
   * {@code code-server} package recipe (which downloads and checks the same release asset).
   */
  public static final String DEFAULT_CODE_SERVER_SHA256 =
      "b3f9025d00f2cdf61caf83945ef7225d4a3eb576c4c007e45868f45713e39c8e";

  /** The GitHub release asset of coder/code-server for linux-amd64. */
  public static final String DEFAULT_CODE_SERVER_URL =
      "https://github.com/coder/code-server/releases/download/v{version}/"
          + "code-server-{version}-linux-amd64.tar.gz";

  /** Defaults only; what a coordinator without a {@code providers.bootstrap} section uses. */
  public static final BootstrapOptions DEFAULTS = new BootstrapOptions(
      DEFAULT_CODE_SERVER_VERSION, DEFAULT_CODE_SERVER_SHA256, DEFAULT_CODE_SERVER_URL);

  /**
   * @throws IllegalArgumentException naming the key ({@code providers.bootstrap.<key>}) that is
   *     malformed
   */
  public BootstrapOptions {
    if (codeServerVersion == null || !VERSION.matcher(codeServerVersion).matches()) {
      throw bad(VERSION_KEY, "must be a code-server release version such as "
          + DEFAULT_CODE_SERVER_VERSION + " (got " + quoted(codeServerVersion) + ")");
    }
    if (codeServerSha256 != null) {
      codeServerSha256 = codeServerSha256.toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(codeServerSha256).matches()) {
        throw bad(SHA256_KEY, "must be the SHA-256 of the linux-amd64 tarball as 64 hex digits"
            + " (got " + codeServerSha256.length() + " characters)");
      }
    }
    if (codeServerUrl == null || !URL.matcher(codeServerUrl).matches()
        || !codeServerUrl.contains(VERSION_PLACEHOLDER)) {
      throw bad(URL_KEY, "must be an https:// URL with " + VERSION_PLACEHOLDER
          + " where the version goes, such as " + DEFAULT_CODE_SERVER_URL + " (got "
          + quoted(codeServerUrl) + ")");
    }
  }

  /**
   * Reads the {@code providers.bootstrap} section; null or empty means {@link #DEFAULTS}.
   *
   * @throws IllegalArgumentException naming the unknown, mistyped or malformed key
   */
  public static BootstrapOptions fromJson(JsonObject section) {
    if (section == null || section.isEmpty()) {
      return DEFAULTS;
    }
    Set<String> unknown = new TreeSet<>(section.fieldNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(SECTION + " has unknown key" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown) + "; known keys are " + String.join(", ", KEYS));
    }
    String version = string(section, VERSION_KEY);
    String sha256 = string(section, SHA256_KEY);
    String url = string(section, URL_KEY);
    if (sha256 != null && version == null) {
      throw bad(SHA256_KEY, "is set without " + VERSION_KEY
          + "; a checksum belongs to one release, so set both");
    }
    if (version == null) {
      version = DEFAULT_CODE_SERVER_VERSION;
      sha256 = DEFAULT_CODE_SERVER_SHA256;
    }
    return new BootstrapOptions(version, sha256, url == null ? DEFAULT_CODE_SERVER_URL : url);
  }

  /** Whether {@code --code} leases can be served: a checksum is configured for the release. */
  public boolean codeServerVerifiable() {
    return codeServerSha256 != null;
  }

  /** The tarball URL of {@link #codeServerVersion}. */
  public String codeServerDownloadUrl() {
    return codeServerUrl.replace(VERSION_PLACEHOLDER, codeServerVersion);
  }

  private static String string(JsonObject section, String key) {
    Object value = section.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String)) {
      throw bad(key, "must be a string (got " + value + ")");
    }
    String text = ((String) value).trim();
    return text.isEmpty() ? null : text;
  }

  private static IllegalArgumentException bad(String key, String problem) {
    return new IllegalArgumentException(SECTION + "." + key + " " + problem);
  }

  private static String quoted(String value) {
    return value == null ? "nothing" : "\"" + value + "\"";
  }
}
