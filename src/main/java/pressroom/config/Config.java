package pressroom.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything an operator can set, validated once at start-up.
 *
 * <p>Sources, weakest first: built-in defaults, {@code pressroom.properties} (in the working
 * folder, or the file named by {@code PRESSROOM_CONFIG}), environment variables, command-line
 * flags. Every key has the same name in the file and the environment.
 *
 * @param port HTTP port ({@code PRESSROOM_PORT}, default 8080; 0 picks a free port)
 * @param host address to listen on ({@code PRESSROOM_HOST}, default 0.0.0.0)
 * @param dataDir folder for the embedded database and other files ({@code PRESSROOM_DATA})
 * @param dbUrl JDBC URL; empty means SQLite inside {@code dataDir} ({@code PRESSROOM_DB_URL})
 * @param dbUser database user for PostgreSQL ({@code PRESSROOM_DB_USER})
 * @param dbPassword database password ({@code PRESSROOM_DB_PASSWORD}); never logged
 * @param baseUrl public address of the site, used in canonical links and mail ({@code
 *     PRESSROOM_BASE_URL}); defaults to http://localhost:port
 * @param siteName name shown in the masthead ({@code PRESSROOM_SITE_NAME})
 * @param timeZone zone dates are shown in ({@code PRESSROOM_TIME_ZONE}, default UTC)
 * @param demo load bundled demo content into an empty database ({@code PRESSROOM_DEMO})
 * @param ingestAllowPrivate let feeds be fetched from loopback/private addresses ({@code
 *     PRESSROOM_INGEST_ALLOW_PRIVATE}, default false; for development and tests)
 * @param ingestCheckEvery how often due sources are looked for ({@code
 *     PRESSROOM_INGEST_CHECK_SECONDS}, default 15)
 * @param smtpUrl where mail goes: smtp://user:password@host:port or smtps://…; empty writes .eml
 *     files to the data folder's outbox ({@code PRESSROOM_SMTP_URL}; never logged)
 * @param mailFrom the From of every mail ({@code PRESSROOM_MAIL_FROM})
 * @param commentsCloseAfterDays comments close this many days after publication; 0 = never ({@code
 *     PRESSROOM_COMMENTS_CLOSE_AFTER_DAYS}, default 30)
 * @param commentRateLimits per-reader posting limits on ({@code PRESSROOM_COMMENT_RATE_LIMITS},
 *     default true; false only for load tests)
 * @param sqliteCacheMb SQLite's page cache per connection, in MB, taken only as pages are read
 *     ({@code PRESSROOM_SQLITE_CACHE_MB}, default 32; {@code pressroom import} uses 256 unless set)
 * @param requestLimits requests handled at once ({@code PRESSROOM_MAX_ACTIVE_REQUESTS}, default 8
 *     per core), waiting for a turn beyond those ({@code PRESSROOM_MAX_QUEUED_REQUESTS}, default 4
 *     per active one) and how long one waits ({@code PRESSROOM_MAX_QUEUE_WAIT_MS}, default 500);
 *     the rest get a 503 with Retry-After at once. /healthz, /metrics, the live comment stream,
 *     cached pages and static files are never held back
 * @param trustedProxies addresses and CIDR ranges of the reverse proxies in front of the site,
 *     whose X-Forwarded-For is believed for rate limits ({@code PRESSROOM_TRUSTED_PROXIES}, comma
 *     separated; none by default)
 * @param managementPort a second port that serves /metrics without signing in, for Prometheus on an
 *     internal network ({@code PRESSROOM_MANAGEMENT_PORT}; -1, the default, means none, and
 *     /metrics is then for signed-in admins only)
 * @param ingestAgencies names that bylines credit rather than being written by, besides the
 *     well-known wires and each source's own name ({@code PRESSROOM_INGEST_AGENCIES}, comma
 *     separated; none by default)
 * @param purgeUrl the shared cache in front (Varnish, a CDN's adapter) that is sent a purge naming
 *     the pages' surrogate keys whenever content changes ({@code PRESSROOM_PURGE_URL}, e.g.
 *     http://127.0.0.1:6081/; none by default; see docs/scaling.md), or null
 * @param drainTime how long a stopping node answers /healthz with 503 "draining" before it closes,
 *     so a load balancer moves its readers to the other nodes first ({@code
 *     PRESSROOM_DRAIN_SECONDS}, default 0; behind HAProxy at least its check interval times its
 *     fall count, e.g. 3)
 */
public record Config(
    int port,
    String host,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    URI baseUrl,
    String siteName,
    ZoneId timeZone,
    boolean demo,
    boolean ingestAllowPrivate,
    java.time.Duration ingestCheckEvery,
    String smtpUrl,
    String mailFrom,
    int commentsCloseAfterDays,
    boolean commentRateLimits,
    int sqliteCacheMb,
    RequestLimits requestLimits,
    java.util.List<String> trustedProxies,
    int managementPort,
    java.util.List<String> ingestAgencies,
    URI purgeUrl,
    java.time.Duration drainTime) {

  public Config {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeZone, "timeZone");
    if (port < 0 || port > 65535) {
      throw new ConfigException("PRESSROOM_PORT", "'" + port + "' is not a port number (0-65535)");
    }
    trustedProxies = java.util.List.copyOf(trustedProxies);
    ingestAgencies = java.util.List.copyOf(ingestAgencies);
    try {
      new pressroom.net.ClientAddress(trustedProxies);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("PRESSROOM_TRUSTED_PROXIES", e.getMessage());
    }
    if (managementPort == 0
        || managementPort < -1
        || managementPort > 65535
        || managementPort == port) {
      throw new ConfigException(
          "PRESSROOM_MANAGEMENT_PORT",
          "'" + managementPort + "' is not a port number (1-65535) other than PRESSROOM_PORT");
    }
  }

  /** Cookies get Secure (and the __Host- prefix) when the site is served over HTTPS. */
  public boolean secureCookies() {
    return "https".equals(baseUrl.getScheme());
  }

  @Override
  public String toString() {
    // Secrets (database password, SMTP credentials) stay out of logs.
    return "Config[port="
        + port
        + ", data="
        + dataDir
        + ", db="
        + (dbUrl.isEmpty() ? "embedded" : dbUrl.replaceAll("(?i)password=[^&;]*", "password=***"))
        + ", baseUrl="
        + baseUrl
        + ", smtp="
        + (smtpUrl.isEmpty() ? "outbox" : "configured")
        + "]";
  }

  /** True when the database is the embedded SQLite file. */
  public boolean embeddedDatabase() {
    return dbUrl.isEmpty() || dbUrl.startsWith("jdbc:sqlite:");
  }

  /** The JDBC URL actually used: the configured one, or the SQLite file in the data folder. */
  public String jdbcUrl() {
    return dbUrl.isEmpty()
        ? "jdbc:sqlite:" + dataDir.resolve("pressroom.db").toAbsolutePath()
        : dbUrl;
  }

  /** A start-up configuration problem, named by its key. */
  public static final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
      super(key + ": " + problem);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** Raw key/value settings before validation; flags are applied on top with {@link #set}. */
  public static final class Builder {
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Defaults, then the properties file, then the environment. */
    public static Builder fromEnvironment(Map<String, String> env) {
      Builder b = new Builder();
      String file = env.getOrDefault("PRESSROOM_CONFIG", "pressroom.properties");
      Path path = Path.of(file);
      if (Files.isRegularFile(path)) {
        b.loadProperties(path);
      } else if (env.containsKey("PRESSROOM_CONFIG")) {
        throw new ConfigException("PRESSROOM_CONFIG", "file '" + file + "' does not exist");
      }
      env.forEach(
          (k, v) -> {
            if (k.startsWith("PRESSROOM_") && !k.equals("PRESSROOM_CONFIG")) {
              b.values.put(k, v);
            }
          });
      return b;
    }

    public static Builder empty() {
      return new Builder();
    }

    private void loadProperties(Path path) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException(
            "PRESSROOM_CONFIG", "cannot read '" + path + "': " + e.getMessage());
      }
      p.stringPropertyNames().forEach(k -> values.put(k.trim(), p.getProperty(k).trim()));
    }

    /** Sets a key if the value is not null (flags that were not given stay null). */
    public Builder set(String key, Object value) {
      if (value != null) {
        values.put(key, value.toString());
      }
      return this;
    }

    /** Sets a key unless the properties file or the environment already did. */
    public Builder setIfAbsent(String key, Object value) {
      if (!values.containsKey(key)) {
        set(key, value);
      }
      return this;
    }

    public Config build() {
      int port = parsePort(get("PRESSROOM_PORT", "8080"));
      String host = get("PRESSROOM_HOST", "0.0.0.0");
      Path data = Path.of(get("PRESSROOM_DATA", "data"));
      String dbUrl = get("PRESSROOM_DB_URL", "");
      if (!dbUrl.isEmpty()
          && !dbUrl.startsWith("jdbc:sqlite:")
          && !dbUrl.startsWith("jdbc:postgresql:")) {
        throw new ConfigException(
            "PRESSROOM_DB_URL",
            "'" + dbUrl + "' is neither a jdbc:sqlite: nor a jdbc:postgresql: URL");
      }
      String base = get("PRESSROOM_BASE_URL", "");
      URI baseUrl = base.isEmpty() ? URI.create("http://localhost:" + port) : parseBaseUrl(base);
      ZoneId zone;
      String zoneName = get("PRESSROOM_TIME_ZONE", "UTC");
      try {
        zone = ZoneId.of(zoneName);
      } catch (DateTimeException e) {
        throw new ConfigException(
            "PRESSROOM_TIME_ZONE", "'" + zoneName + "' is not a time zone (e.g. Europe/Istanbul)");
      }
      return new Config(
          port,
          host,
          data,
          dbUrl,
          get("PRESSROOM_DB_USER", ""),
          get("PRESSROOM_DB_PASSWORD", ""),
          baseUrl,
          get("PRESSROOM_SITE_NAME", "Pressroom"),
          zone,
          parseBoolean("PRESSROOM_DEMO", get("PRESSROOM_DEMO", "true")),
          parseBoolean(
              "PRESSROOM_INGEST_ALLOW_PRIVATE", get("PRESSROOM_INGEST_ALLOW_PRIVATE", "false")),
          java.time.Duration.ofSeconds(
              parseInt(
                  "PRESSROOM_INGEST_CHECK_SECONDS",
                  get("PRESSROOM_INGEST_CHECK_SECONDS", "15"),
                  1,
                  3600)),
          get("PRESSROOM_SMTP_URL", ""),
          get("PRESSROOM_MAIL_FROM", "Pressroom <no-reply@" + baseUrl.getHost() + ">"),
          parseInt(
              "PRESSROOM_COMMENTS_CLOSE_AFTER_DAYS",
              get("PRESSROOM_COMMENTS_CLOSE_AFTER_DAYS", "30"),
              0,
              36500),
          parseBoolean(
              "PRESSROOM_COMMENT_RATE_LIMITS", get("PRESSROOM_COMMENT_RATE_LIMITS", "true")),
          parseInt("PRESSROOM_SQLITE_CACHE_MB", get("PRESSROOM_SQLITE_CACHE_MB", "32"), 1, 65536),
          requestLimits(),
          pressroom.net.ClientAddress.parse(get("PRESSROOM_TRUSTED_PROXIES", "")),
          get("PRESSROOM_MANAGEMENT_PORT", "").isEmpty()
              ? -1
              : parsePort(get("PRESSROOM_MANAGEMENT_PORT", ""), "PRESSROOM_MANAGEMENT_PORT"),
          commaSeparated(get("PRESSROOM_INGEST_AGENCIES", "")),
          get("PRESSROOM_PURGE_URL", "").isEmpty()
              ? null
              : parseHttpUrl("PRESSROOM_PURGE_URL", get("PRESSROOM_PURGE_URL", ""), false),
          java.time.Duration.ofSeconds(
              parseInt("PRESSROOM_DRAIN_SECONDS", get("PRESSROOM_DRAIN_SECONDS", "0"), 0, 300)));
    }

    private RequestLimits requestLimits() {
      RequestLimits d = RequestLimits.forCores(Runtime.getRuntime().availableProcessors());
      int active =
          parseInt(
              "PRESSROOM_MAX_ACTIVE_REQUESTS",
              get("PRESSROOM_MAX_ACTIVE_REQUESTS", String.valueOf(d.maxActive())),
              1,
              100_000);
      int queued =
          parseInt(
              "PRESSROOM_MAX_QUEUED_REQUESTS",
              get(
                  "PRESSROOM_MAX_QUEUED_REQUESTS",
                  String.valueOf(RequestLimits.QUEUED_PER_ACTIVE * active)),
              1,
              1_000_000);
      int waitMs =
          parseInt(
              "PRESSROOM_MAX_QUEUE_WAIT_MS",
              get("PRESSROOM_MAX_QUEUE_WAIT_MS", String.valueOf(d.maxWait().toMillis())),
              1,
              60_000);
      return new RequestLimits(active, queued, java.time.Duration.ofMillis(waitMs));
    }

    private String get(String key, String fallback) {
      String v = values.get(key);
      return v == null ? fallback : v.trim();
    }

    private static java.util.List<String> commaSeparated(String raw) {
      return java.util.Arrays.stream(raw.split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    }

    private static int parsePort(String raw) {
      return parsePort(raw, "PRESSROOM_PORT");
    }

    private static int parsePort(String raw, String key) {
      try {
        int p = Integer.parseInt(raw);
        if (p >= 0 && p <= 65535) {
          return p;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigException(key, "'" + raw + "' is not a port number (0-65535)");
    }

    private static int parseInt(String key, String raw, int min, int max) {
      try {
        int v = Integer.parseInt(raw);
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ConfigException(
          key, "'" + raw + "' is not a whole number from " + min + " to " + max);
    }

    private static URI parseBaseUrl(String raw) {
      return parseHttpUrl("PRESSROOM_BASE_URL", raw, true);
    }

    private static URI parseHttpUrl(String key, String raw, boolean trimSlash) {
      try {
        URI u = new URI(trimSlash && raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        if (("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
            && u.getHost() != null
            && u.getQuery() == null
            && u.getFragment() == null) {
          if (u.getRawUserInfo() != null) {
            // Never echoed: it may hold a password.
            throw new ConfigException(
                key, "must not carry a user or password (use a network the nodes alone reach)");
          }
          return u;
        }
      } catch (java.net.URISyntaxException e) {
        // reported below
      }
      throw new ConfigException(
          key,
          "'"
              + raw.replaceAll("//[^/@]*@", "//***@")
              + "' is not an absolute http(s) URL such as "
              + (trimSlash ? "https://news.example.org" : "http://127.0.0.1:6081/"));
    }

    private static boolean parseBoolean(String key, String raw) {
      return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "yes", "1", "on" -> true;
        case "false", "no", "0", "off" -> false;
        default -> throw new ConfigException(key, "'" + raw + "' is not true or false");
      };
    }
  }
}
