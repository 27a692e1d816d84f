package pressroom.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a copy of the embedded database holds, and whether SQLite finds it intact. */
final class SqliteCopies {
  private SqliteCopies() {}

  /**
   * @param problem SQLite's first complaint, or why the file is not a Pressroom database; null when
   *     intact
   */
  record Summary(boolean intact, String problem, long articles, long comments, long accounts) {}

  static Summary check(Path file) throws SQLException {
    // Read-only: checking a copy must never change it (nor create an empty database).
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
        Statement s = c.createStatement()) {
      String result;
      try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
        result = r.next() ? r.getString(1) : "no answer";
      } catch (SQLException e) {
        return new Summary(false, "not an SQLite database (" + e.getMessage() + ")", 0, 0, 0);
      }
      if (!"ok".equals(result)) {
        return new Summary(false, result, 0, 0, 0);
      }
      try {
        return new Summary(
            true, null, count(s, "articles"), count(s, "comments"), count(s, "accounts"));
      } catch (SQLException e) {
        return new Summary(false, "not a Pressroom database (no " + e.getMessage() + ")", 0, 0, 0);
      }
    }
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }
}
