package pressroom.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The community at a glance, for the newsroom dashboard: comments hour by hour, the queue, the most
 * discussed articles. Each figure is one range of the (status, created_at) index.
 */
public final class CommentStats {
  private final Jdbi jdbi;

  public CommentStats(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Comments waiting for a moderator, and when the oldest of them arrived (null: none). */
  public record Queue(long waiting, Instant oldest) {}

  /** An article and how many comments it got in the period. */
  public record Discussed(String articleId, long comments) {}

  public Queue queue() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) AS n, min(created_at) AS oldest FROM comments"
                        + " WHERE status = 'pending'")
                .map(
                    (rs, ctx) -> {
                      long oldest = rs.getLong("oldest");
                      return new Queue(
                          rs.getLong("n"), rs.wasNull() ? null : Instant.ofEpochMilli(oldest));
                    })
                .one());
  }

  /** Comments written (published or waiting) in each hour from {@code since}. */
  public long[] perHour(Instant since, int hours) {
    long from = since.toEpochMilli();
    long to = since.plus(Duration.ofHours(hours)).toEpochMilli();
    long[] out = new long[hours];
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT (created_at - :from) / 3600000 AS hour, count(*) AS n FROM comments"
                        + " WHERE status IN ('published', 'pending')"
                        + " AND created_at >= :from AND created_at < :to"
                        + " GROUP BY 1")
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) -> {
                      int hour = (int) rs.getLong("hour");
                      if (hour >= 0 && hour < hours) {
                        out[hour] = rs.getLong("n");
                      }
                      return hour;
                    })
                .list());
    return out;
  }

  /** The articles with the most published comments since {@code since}, most first. */
  public List<Discussed> mostDiscussed(Instant since, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT article_id, count(*) AS n FROM comments"
                        + " WHERE status = 'published' AND created_at >= :from"
                        + " GROUP BY article_id ORDER BY n DESC, article_id LIMIT :limit")
                .bind("from", since.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new Discussed(rs.getString("article_id"), rs.getLong("n")))
                .list());
  }
}
