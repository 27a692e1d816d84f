package pressroom.db;

/** The two databases Pressroom runs on; SQL differs only where the dialect says so. */
public enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  /**
   * The newest migration the jar holds (V{n}__…sql, the same n for both databases). A start that
   * finds the schema at this version skips Flyway; DatabaseTest checks the number against the
   * files, so a new migration cannot be forgotten here.
   */
  static final int NEWEST_MIGRATION = 26;

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  public static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }

  /** Migrations written the same for both databases, under src/main/resources. */
  static final String COMMON_MIGRATIONS = "db/migration/common";

  /** The folder of this database's own migrations, under src/main/resources. */
  String migrationFolder() {
    return "db/migration/" + migrationFolder;
  }

  /**
   * Where Flyway reads this database's migrations: the common folder, where a migration is the same
   * SQL on both, and the database's own. A migration moved from one to the other keeps its file
   * name and content, so the checksums of those already applied still match.
   */
  public String[] migrationLocations() {
    return new String[] {"classpath:" + COMMON_MIGRATIONS, "classpath:" + migrationFolder()};
  }
}
