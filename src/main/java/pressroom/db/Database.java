package pressroom.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import pressroom.config.Config;
import pressroom.config.Config.ConfigException;

/** Opens the pool, brings the schema up to date with Flyway, and hands out {@link Jdbi}. */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final ScheduledExecutorService checkpoints;

  /** A bulk writer waits for every this many checkpoints it asks for. */
  private static final int WAIT_EVERY = 8;

  private final AtomicInteger bulkWrites = new AtomicInteger();

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
    if (dialect == Dialect.SQLITE) {
      checkpoints =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sqlite-checkpoint");
                t.setDaemon(true);
                return t;
              });
      checkpoints.scheduleWithFixedDelay(this::checkpoint, 250, 250, TimeUnit.MILLISECONDS);
      checkpoints.scheduleWithFixedDelay(this::optimize, 1, 1, TimeUnit.HOURS);
    } else {
      checkpoints = null;
    }
  }

  /**
   * Copies committed pages from the WAL into the database file (SQLite only). Runs in the
   * background every 250 ms rather than in whichever write happens to fill the WAL, so no writer
   * (above all the comment writer, which many posters wait on) pays for it. PASSIVE: it never waits
   * for, or holds up, readers and writers.
   *
   * <p>A bulk writer asks for one after each transaction ({@link #afterBulkWrite}).
   */
  private void checkpoint() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException | RuntimeException e) {
      log.warn("SQLite checkpoint failed: {}", e.toString());
    }
  }

  /**
   * Refreshes SQLite's planner statistics where they are missing or stale, as SQLite advises at
   * start, after bulk loads and now and then: it keeps none by itself, and a planner without them
   * can choose a plan that reads every article. Bounded: each index is sampled, not read whole, so
   * it takes milliseconds even at a million articles. PostgreSQL keeps its own (autovacuum).
   */
  public void optimize() {
    if (dialect != Dialect.SQLITE) {
      return;
    }
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("PRAGMA analysis_limit = 1000");
      // 0x10002: look at every table, even ones this connection has not queried yet.
      s.execute("PRAGMA optimize = 0x10002");
      log.debug("SQLite statistics refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException | RuntimeException e) {
      log.warn("SQLite optimize failed: {}", e.toString());
    }
  }

  /** Connects and migrates, or stops with a {@link ConfigException} naming the key at fault. */
  public static Database open(Config config) {
    String url = config.jdbcUrl();
    Dialect dialect = Dialect.of(url);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("pressroom");
    hikari.setConnectionTimeout(10_000);
    if (dialect == Dialect.SQLITE) {
      try {
        Files.createDirectories(config.dataDir());
      } catch (IOException e) {
        throw new ConfigException(
            "PRESSROOM_DATA", "cannot create folder '" + config.dataDir() + "': " + e.getMessage());
      }
      SqliteLibrary.keepIn(config.dataDir());
      hikari.setDataSource(sqlite(url, config.sqliteCacheMb()));
      // Checkpoints run in the background (see checkpoint()), not in whichever write fills the WAL.
      hikari.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
      // One writer at a time is SQLite's rule; readers run alongside it thanks to WAL.
      hikari.setMaximumPoolSize(8);
    } else {
      hikari.setJdbcUrl(url);
      if (!config.dbUser().isEmpty()) {
        hikari.setUsername(config.dbUser());
      }
      if (!config.dbPassword().isEmpty()) {
        hikari.setPassword(config.dbPassword());
      }
      hikari.setMaximumPoolSize(16);
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "PRESSROOM_DB_URL", "cannot connect to " + redact(url) + ": " + rootMessage(e));
    }
    try {
      if (!upToDate(ds)) {
        Flyway.configure().dataSource(ds).locations(dialect.migrationLocations()).load().migrate();
      }
    } catch (RuntimeException e) {
      ds.close();
      throw new ConfigException(
          "PRESSROOM_DB_URL",
          "cannot bring the schema of " + redact(url) + " up to date: " + rootMessage(e));
    }
    Database db = new Database(ds, dialect);
    db.optimize();
    return db;
  }

  /**
   * Whether Flyway would find nothing to do: every migration it ran succeeded and the newest is
   * this jar's newest. Loading Flyway to learn that costs about 0.4 s of every start; any doubt (no
   * history table, a failed or a newer migration) leaves the decision to Flyway.
   */
  static boolean upToDate(javax.sql.DataSource ds) {
    try (java.sql.Connection c = ds.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r =
            s.executeQuery(
                "SELECT MAX(CASE WHEN success THEN CAST(version AS INTEGER) END),"
                    + " SUM(CASE WHEN success THEN 0 ELSE 1 END)"
                    + " FROM flyway_schema_history WHERE version IS NOT NULL")) {
      return r.next() && r.getInt(1) == Dialect.NEWEST_MIGRATION && r.getInt(2) == 0;
    } catch (java.sql.SQLException e) {
      return false; // a new database: no history table yet
    }
  }

  private static SQLiteDataSource sqlite(String url, int cacheMb) {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: an acknowledged write survives a power cut, not just a crash.
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    cfg.setBusyTimeout(15_000);
    // 32 MB of page cache per connection by default instead of SQLite's 2 MB, taken only as
    // pages are read: a large site keeps its index pages in memory instead of re-reading them
    // from the file. An import asks for more (see ImportCommand).
    cfg.setCacheSize(-1024 * cacheMb);
    cfg.enforceForeignKeys(true);
    // Take the write lock when a transaction starts, so two writers queue instead of deadlocking.
    cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(cfg);
    ds.setUrl(url);
    return ds;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * For a bulk writer that has just committed.
   *
   * <p>SQLite: a checkpoint at once on the background thread, and every {@value #WAIT_EVERY}th time
   * the writer waits until it is done. SQLite starts the WAL over only when a checkpoint has caught
   * up before the next transaction writes, which the periodic checkpoint never does while an import
   * writes without pause: its WAL grew by every page it wrote (2.3 GB for 300,000 articles).
   * Waiting every time cost the import a tenth of its speed; waiting now and then keeps the WAL to
   * a few hundred megabytes.
   *
   * <p>PostgreSQL: fresh planner statistics for the tables an import fills, after the 1st, 2nd,
   * 4th, 8th… write, so they are never more than twice out. Planned on an empty table, an import's
   * per-batch lookups (guids, slugs) scanned every row stored so far, and kept that plan: the
   * import slowed down batch after batch. Autovacuum analyzes too late for a table growing this
   * fast.
   */
  public void afterBulkWrite() {
    int n = bulkWrites.incrementAndGet();
    if (checkpoints == null) {
      if (Integer.bitCount(n) == 1) {
        analyzeArticles();
      }
      return;
    }
    var done = checkpoints.submit(this::checkpoint);
    if (n % WAIT_EVERY == 0) {
      try {
        done.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        log.warn("SQLite checkpoint failed: {}", e.getCause().toString());
      }
    }
  }

  private void analyzeArticles() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      // Sampled, not read whole: a few hundred milliseconds even at millions of rows.
      s.execute("ANALYZE articles, article_authors, article_tags");
    } catch (SQLException | RuntimeException e) {
      log.warn("ANALYZE after a bulk write failed: {}", e.toString());
    }
  }

  /** True when a trivial query answers; used by /healthz. */
  public boolean healthy() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    if (checkpoints != null) {
      checkpoints.shutdown();
      try {
        checkpoints.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    dataSource.close();
  }

  /** Drops a password written into the URL, so it never reaches a log line. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
