package pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.config.Config;

class DatabaseTest {
  @Test
  void sqliteConnectionsGetThePageCacheTheOperatorSet(@TempDir Path dir) {
    Config config =
        Config.Builder.empty()
            .set("PRESSROOM_DATA", dir.toString())
            .set("PRESSROOM_SQLITE_CACHE_MB", 64)
            .build();
    try (Database db = Database.open(config)) {
      int pages =
          db.jdbi().withHandle(h -> h.createQuery("PRAGMA cache_size").mapTo(Integer.class).one());
      assertThat(pages).as("negative: a size in KiB").isEqualTo(-64 * 1024);
    }
  }

  /**
   * A writer that commits batch after batch without pause: asking for checkpoints keeps the WAL to
   * a few batches, where the periodic checkpoint alone let it grow with everything written.
   */
  @Test
  void aBulkWritersWalStaysAFewBatchesLong(@TempDir Path dir) throws Exception {
    Config config = Config.Builder.empty().set("PRESSROOM_DATA", dir.toString()).build();
    byte[] page = new byte[4000];
    new java.util.Random(1).nextBytes(page);
    try (Database db = Database.open(config)) {
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE scratch (b BLOB)"));
      for (int batch = 0; batch < 96; batch++) {
        db.jdbi()
            .useTransaction(
                h -> {
                  var insert = h.prepareBatch("INSERT INTO scratch (b) VALUES (?)");
                  for (int i = 0; i < 250; i++) { // about 1 MB a batch
                    insert.bind(0, page).add();
                  }
                  insert.execute();
                });
        db.afterBulkWrite();
      }
      long wal = java.nio.file.Files.size(dir.resolve("pressroom.db-wal"));
      // Eight batches between restarts; a restart can be missed when the periodic checkpoint
      // happens to hold SQLite's locks at that moment, so a few cycles of room.
      assertThat(wal).as("WAL bytes after 96 MB written").isLessThan(40L << 20);
    }
  }

  /**
   * On PostgreSQL an import's lookups are planned from statistics: a bulk writer's first write
   * brings them (planned on the empty table, they read every row stored so far), and they follow
   * the table's growth after the 2nd, 4th, 8th… write, not after every one.
   */
  @Test
  void aBulkWriterOnPostgresqlRefreshesTheStatisticsAsTheTablesGrow(@TempDir Path dir) {
    Config config =
        Config.Builder.empty()
            .set("PRESSROOM_DATA", dir.toString())
            .set("PRESSROOM_DB_URL", pressroom.testing.TestDatabases.newPostgresDatabase())
            .build();
    try (Database db = Database.open(config)) {
      java.util.function.Supplier<Long> analyzed =
          () ->
              db.jdbi()
                  .withHandle(
                      h ->
                          h.createQuery(
                                  "SELECT analyze_count FROM pg_stat_user_tables"
                                      + " WHERE relname = 'articles'")
                              .mapTo(Long.class)
                              .one());
      assertThat(analyzed.get()).isZero();
      db.afterBulkWrite();
      pressroom.testing.Eventually.until("analyzed once", () -> analyzed.get() == 1);
      db.afterBulkWrite(); // the 2nd
      pressroom.testing.Eventually.until("analyzed twice", () -> analyzed.get() == 2);
      db.afterBulkWrite(); // the 3rd: no
      db.afterBulkWrite(); // the 4th
      pressroom.testing.Eventually.until("analyzed three times", () -> analyzed.get() == 3);
      assertThat(analyzed.get()).isEqualTo(3);
    }
  }

  @Test
  void theNewestMigrationNumberIsTheNewestFileForBothDatabases() throws Exception {
    for (Dialect d : Dialect.values()) {
      int newest;
      try (var files =
          java.util.stream.Stream.concat(
              java.nio.file.Files.list(Path.of("src/main/resources", d.migrationFolder())),
              java.nio.file.Files.list(Path.of("src/main/resources", Dialect.COMMON_MIGRATIONS)))) {
        newest =
            files
                .map(f -> f.getFileName().toString())
                .filter(n -> n.matches("V\\d+__.*\\.sql"))
                .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                .max()
                .orElseThrow();
      }
      assertThat(newest).as(d + ": Dialect.NEWEST_MIGRATION").isEqualTo(Dialect.NEWEST_MIGRATION);
    }
  }

  /** A start on a schema already at the newest version skips Flyway; any doubt runs it. */
  @Test
  void onlyASchemaAtTheNewestVersionWithNoFailureCountsAsUpToDate(@TempDir Path dir)
      throws Exception {
    Config config = Config.Builder.empty().set("PRESSROOM_DATA", dir.toString()).build();
    org.sqlite.SQLiteDataSource raw = new org.sqlite.SQLiteDataSource();
    raw.setUrl(config.jdbcUrl());
    assertThat(Database.upToDate(raw)).as("a new, empty database").isFalse();
    try (Database db = Database.open(config)) {
      assertThat(Database.upToDate(db.dataSource())).isTrue();
      db.jdbi()
          .useHandle(
              h -> h.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '3'"));
      assertThat(Database.upToDate(db.dataSource()))
          .as("a failed migration in the history")
          .isFalse();
      db.jdbi()
          .useHandle(
              h -> h.execute("UPDATE flyway_schema_history SET success = 1 WHERE version = '3'"));
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "DELETE FROM flyway_schema_history WHERE version = ?",
                      String.valueOf(Dialect.NEWEST_MIGRATION)));
      assertThat(Database.upToDate(db.dataSource()))
          .as("the newest migration not yet run")
          .isFalse();
    }
  }

  /**
   * Each version is written once per database: in the common folder or the database's own, never
   * both.
   */
  @Test
  void everyMigrationVersionIsInExactlyOneFolderPerDatabase() throws Exception {
    java.util.List<String> common;
    try (var files =
        java.nio.file.Files.list(Path.of("src/main/resources", Dialect.COMMON_MIGRATIONS))) {
      common = files.map(f -> f.getFileName().toString().replaceAll("__.*", "")).toList();
    }
    for (Dialect d : Dialect.values()) {
      java.util.List<String> own;
      try (var files =
          java.nio.file.Files.list(Path.of("src/main/resources", d.migrationFolder()))) {
        own = files.map(f -> f.getFileName().toString().replaceAll("__.*", "")).toList();
      }
      assertThat(own).as(d + " repeats a common version").doesNotContainAnyElementsOf(common);
      java.util.Set<String> all = new java.util.HashSet<>(own);
      all.addAll(common);
      assertThat(all).as(d + ": V1 to the newest, none missing").hasSize(Dialect.NEWEST_MIGRATION);
    }
  }
}
