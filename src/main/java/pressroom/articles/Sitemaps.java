package pressroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Which article pages search engines should index, for the sitemaps. */
public final class Sitemaps {
  private final Jdbi jdbi;

  public Sitemaps(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** An article address for sitemaps. */
  public record Indexable(
      String slug, String headline, String language, Instant publishedAt, Instant updatedAt) {}

  /**
   * Published articles from {@code since} (inclusive) to {@code until} (exclusive) that search
   * engines should index.
   */
  public static final String INDEXABLE_SQL =
      """
      SELECT a.slug, a.headline, a.language, a.published_at, a.updated_at
      FROM articles a LEFT JOIN sources src ON src.id = a.source_id
      WHERE a.listed = 1 AND a.published_at >= :since AND a.published_at < :until
        AND a.published_at <= :now AND (a.source_id IS NULL OR src.seo_policy = 'own')
      ORDER BY a.published_at DESC LIMIT :limit
      """;

  /**
   * Published articles whose page is the one search engines should index: the site's own and
   * partners' under an "own" licence, published in [since, until), each story once (its listed
   * version). Canonical-to-partner and noindex copies stay out, as their licences ask. One range of
   * articles_listed.
   */
  public List<Indexable> indexable(Instant now, Instant since, Instant until, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(INDEXABLE_SQL)
                .bind("now", now.toEpochMilli())
                .bind("since", since.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Indexable(
                            rs.getString("slug"),
                            rs.getString("headline"),
                            rs.getString("language"),
                            Instant.ofEpochMilli(rs.getLong("published_at")),
                            Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list());
  }

  /** When the first published article appeared (sitemaps start there), if any. */
  public Optional<Instant> firstPublished() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT min(published_at) FROM articles WHERE listed = 1")
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
  }
}
