package pressroom.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: a SQLite file in a temp folder, or a fresh database on PostgreSQL — the
 * server named by PRESSROOM_TEST_PG_URL, else an embedded one started once per test JVM.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  public static String sqliteUrl(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("pressroom.db").toAbsolutePath();
  }

  /** A new, empty PostgreSQL database; its URL carries user and password. */
  public static synchronized String newPostgresDatabase() {
    String admin = adminUrl();
    String name = "pressroom_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + admin, e);
    }
    return withDatabase(admin, name);
  }

  private static String adminUrl() {
    String external = System.getenv("PRESSROOM_TEST_PG_URL");
    if (external != null && !external.isBlank()) {
      return external;
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      EmbeddedPostgres pg = embedded;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (IOException e) {
                      // the JVM is going away anyway
                    }
                  }));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }

  /** Replaces the database name in a jdbc:postgresql://host:port/db?params URL. */
  static String withDatabase(String url, String database) {
    URI u = URI.create(url.substring("jdbc:".length()));
    String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
    return "jdbc:postgresql://" + u.getRawAuthority() + "/" + database + query;
  }
}
