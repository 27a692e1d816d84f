package pressroom.articles;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * How many items each partner published, hour by hour: for the newsroom dashboard. One range of the
 * (published_at, source_id, …) index, counted by the database, whatever the archive's size.
 */
public final class ArticleStats {
  private final Jdbi jdbi;

  public ArticleStats(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Per source id: the count of each hour from {@code since} (index 0) for {@code hours} hours. */
  public Map<String, long[]> perSourcePerHour(Instant since, int hours) {
    long from = since.toEpochMilli();
    long to = since.plus(Duration.ofHours(hours)).toEpochMilli();
    Map<String, long[]> out = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    // By position: PostgreSQL sees each use of :from as a parameter of its own.
                    "SELECT source_id, (published_at - :from) / 3600000 AS hour, count(*) AS n"
                        + " FROM articles WHERE published_at >= :from AND published_at < :to"
                        + " AND source_id IS NOT NULL GROUP BY 1, 2")
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) -> {
                      int hour = (int) rs.getLong("hour");
                      if (hour >= 0 && hour < hours) {
                        out.computeIfAbsent(rs.getString("source_id"), k -> new long[hours])[hour] =
                            rs.getLong("n");
                      }
                      return hour;
                    })
                .list());
    return out;
  }
}
