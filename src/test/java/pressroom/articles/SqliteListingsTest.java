package pressroom.articles;

import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import pressroom.testing.TestApp;

class SqliteListingsTest extends ListingsContract {
  /** A base table read whole, or walked by an index from end to end. */
  private static final Pattern FULL_SCAN =
      Pattern.compile("^SCAN (a|o|l|b|articles|article_tags|article_authors|bookmarks)\\b");

  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }

  @Override
  void forgetStatistics(Handle h) {
    if (h.createQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'")
            .mapTo(Integer.class)
            .one()
        > 0) {
      h.execute("DELETE FROM sqlite_stat1");
      h.execute("ANALYZE sqlite_schema"); // reloads the (now empty) statistics
    }
  }

  @Override
  List<String> plan(Handle h, Planned q) {
    var query = h.createQuery("EXPLAIN QUERY PLAN " + q.sql());
    q.binds().forEach(query::bind);
    return query.map((rs, ctx) -> rs.getString("detail")).list();
  }

  @Override
  String fault(List<String> plan, Planned q) {
    for (String line : plan) {
      if (FULL_SCAN.matcher(line).find()) {
        return "reads a table of articles from end to end";
      }
      if (line.contains("TEMP B-TREE") && !q.sortsBoundedCandidates()) {
        return "sorts its rows instead of reading them in order";
      }
    }
    return null;
  }
}
