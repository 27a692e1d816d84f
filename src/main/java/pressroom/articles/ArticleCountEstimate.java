package pressroom.articles;

import org.jdbi.v3.core.Jdbi;
import pressroom.db.Dialect;

/**
 * About how many articles there are (every status), for "of about N" while the search index is
 * built: SQLite's highest rowid, PostgreSQL's planner estimate. Never count(*), which reads the
 * whole table.
 */
public final class ArticleCountEstimate {
  private final Jdbi jdbi;
  private final Dialect dialect;

  public ArticleCountEstimate(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
  }

  /** The estimate; 0 when unknown. */
  public long about() {
    String sql =
        dialect == Dialect.POSTGRESQL
            ? "SELECT coalesce(max(reltuples), 0)::bigint FROM pg_class WHERE oid = to_regclass('articles')"
            : "SELECT coalesce(max(rowid), 0) FROM articles";
    try {
      long n = jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
      return Math.max(0, n);
    } catch (RuntimeException e) {
      return 0; // only a guess for a notice: not worth failing a build over
    }
  }
}
