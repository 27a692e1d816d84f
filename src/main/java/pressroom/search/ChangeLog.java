package pressroom.search;

import java.util.List;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import pressroom.db.Dialect;

/**
 * What the indexer reads besides articles: the ends of the change log (content_changes, written by
 * ContentChanges), its rows after a seq, and a cheap guess at how many articles there are. Every
 * query here reads an index or the planner's statistics, never the whole table.
 */
final class ChangeLog {
  private final Jdbi jdbi;
  private final Dialect dialect;

  ChangeLog(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
  }

  /** One row of the log: an article id, or a marker such as ContentChanges.EVERYTHING. */
  record Row(long seq, String articleId) {}

  /** The highest seq in the log; 0 when it is empty. */
  long newest() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT coalesce(max(seq), 0) FROM content_changes")
                .mapTo(Long.class)
                .one());
  }

  /**
   * The lowest seq still in the log (older rows are deleted after a day); none when it is empty.
   */
  OptionalLong oldest() {
    Long seq =
        jdbi.withHandle(
            h -> h.createQuery("SELECT min(seq) FROM content_changes").mapTo(Long.class).one());
    return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
  }

  /** Up to {@code limit} rows after {@code seq}, in seq order. */
  List<Row> after(long seq, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT seq, article_id FROM content_changes WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq)
                .bind("limit", limit)
                .map((rs, ctx) -> new Row(rs.getLong("seq"), rs.getString("article_id")))
                .list());
  }

  /**
   * About how many articles there are (every status), for "of about N" while the index is built:
   * SQLite's highest rowid, PostgreSQL's planner estimate; 0 when unknown. Never count(*).
   */
  long articlesEstimate() {
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
