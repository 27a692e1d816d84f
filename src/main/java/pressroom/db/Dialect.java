package pressroom.db;

/** The two databases Pressroom runs on; SQL differs only where the dialect says so. */
public enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  public static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }

  String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }
}
