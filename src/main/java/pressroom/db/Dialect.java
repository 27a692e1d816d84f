package pressroom.db;

/** The two databases Pressroom runs on; SQL differs only where the dialect says so. */
public enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  /**
   * The newest migration the jar holds (V{n}__…sql, the same n for both databases). A start
   * that finds the schema at this version skips Flyway; DatabaseTest checks the number against
   * the files, so a new migration cannot be forgotten here.
   */
  static final int NEWEST_MIGRATION = 17;

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  public static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }

  /** The folder of this database's migrations, under src/main/resources. */
  String migrationFolder() {
    return "db/migration/" + migrationFolder;
  }

  String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }
}
