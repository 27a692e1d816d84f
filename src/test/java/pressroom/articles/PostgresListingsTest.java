package pressroom.articles;

import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import pressroom.testing.TestApp;

class PostgresListingsTest extends ListingsContract {
  private static final Pattern FULL_SCAN =
      Pattern.compile("Seq Scan on (articles|article_tags|article_authors|bookmarks)\\b");
  private static final Pattern SORT = Pattern.compile("\\bSort\\b");

  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }

  /**
   * The plan with sequential scans and sorts priced out of reach: on a small test database they are
   * cheap, so PostgreSQL would choose them; if one still appears, no index can serve.
   */
  @Override
  List<String> plan(Handle h, Planned q) {
    h.execute("SET enable_seqscan = off");
    h.execute("SET enable_sort = off");
    try {
      var query = h.createQuery("EXPLAIN " + q.sql());
      q.binds().forEach(query::bind);
      return query.mapTo(String.class).list();
    } finally {
      h.execute("RESET enable_seqscan");
      h.execute("RESET enable_sort");
    }
  }

  @Override
  String fault(List<String> plan, Planned q) {
    for (String line : plan) {
      if (FULL_SCAN.matcher(line).find()) {
        return "reads a table of articles from end to end";
      }
      if (SORT.matcher(line).find() && !q.sortsBoundedCandidates()) {
        return "sorts its rows instead of reading them in order";
      }
    }
    return null;
  }
}
