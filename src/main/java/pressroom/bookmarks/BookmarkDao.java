package pressroom.bookmarks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import pressroom.articles.Window;

/** The SQL for reading lists. */
public final class BookmarkDao {
  private final Jdbi jdbi;

  public BookmarkDao(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * One entry of a reading list; {@code available} is false once withdrawn or expired, and then the
   * entry carries no slug, headline or section: a reader sees only what they could open.
   */
  public record Entry(
      String articleId,
      String slug,
      String headline,
      String sectionName,
      boolean available,
      Instant savedAt) {}

  /**
   * Adds an article (once); false when no reader could open it (none, embargoed, withdrawn): a
   * bookmark must not confirm that an unpublished article exists.
   */
  public boolean add(String accountId, String articleId) {
    return jdbi.withHandle(
        h -> {
          boolean exists =
              h.createQuery(
                          "SELECT count(*) FROM articles WHERE id = :a AND status = 'published' AND published_at <= :now")
                      .bind("a", articleId)
                      .bind("now", System.currentTimeMillis())
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (exists) {
            h.createUpdate(
                    "INSERT INTO bookmarks (account_id, article_id, created_at) SELECT :u, :a, :now"
                        + " WHERE NOT EXISTS (SELECT 1 FROM bookmarks WHERE account_id = :u AND article_id = :a)")
                .bind("u", accountId)
                .bind("a", articleId)
                .bind("now", System.currentTimeMillis())
                .execute();
          }
          return exists;
        });
  }

  public void remove(String accountId, String articleId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM bookmarks WHERE account_id = :u AND article_id = :a")
                .bind("u", accountId)
                .bind("a", articleId)
                .execute());
  }

  public boolean has(String accountId, String articleId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT count(*) FROM bookmarks WHERE account_id = :u AND article_id = :a")
                    .bind("u", accountId)
                    .bind("a", articleId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /**
   * One page of a reader's reading list, newest saved first, older than a position (saved time,
   * article id): their bookmarks' index in order, each article by its key.
   */
  public static final String LIST_SQL =
      """
      SELECT a.id, a.slug, a.headline, s.name AS section_name, a.status, a.published_at, b.created_at
      FROM bookmarks b CROSS JOIN articles a CROSS JOIN sections s
      WHERE a.id = b.article_id AND s.id = a.section_id AND b.account_id = :u AND a.published_at <= :now
        AND b.created_at <= :atTime AND (b.created_at < :atTime OR b.article_id < :atId)
      ORDER BY b.created_at DESC, b.article_id DESC LIMIT :limit
      """;

  /** Where a reading list starts: before every bookmark. */
  public static final Window.Position NEWEST = new Window.Position(Long.MAX_VALUE, "~");

  /**
   * Up to {@code limit} bookmarks saved before {@code before} ({@link #NEWEST} for the first page),
   * newest first.
   */
  public List<Entry> list(String accountId, Window.Position before, int limit) {
    long now = System.currentTimeMillis();
    return jdbi.withHandle(
        h ->
            h.createQuery(LIST_SQL)
                .bind("u", accountId)
                .bind("atTime", before.publishedAt())
                .bind("atId", before.id())
                .bind("limit", limit)
                .bind("now", now)
                .map(
                    (rs, ctx) -> {
                      boolean available = "published".equals(rs.getString("status"));
                      return new Entry(
                          rs.getString("id"),
                          available ? rs.getString("slug") : null,
                          available ? rs.getString("headline") : null,
                          available ? rs.getString("section_name") : null,
                          available,
                          Instant.ofEpochMilli(rs.getLong("created_at")));
                    })
                .list());
  }

  /** Every bookmark of an account, oldest first, for "Download my data". */
  public List<java.util.Map<String, Object>> savedBy(String accountId) {
    long now = System.currentTimeMillis();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                SELECT b.article_id, b.created_at, a.slug, a.headline, a.status, a.published_at
                FROM bookmarks b JOIN articles a ON a.id = b.article_id
                WHERE b.account_id = :u ORDER BY b.created_at, b.article_id
                """)
                .bind("u", accountId)
                .map(
                    (rs, ctx) -> {
                      boolean open =
                          "published".equals(rs.getString("status"))
                              && rs.getLong("published_at") <= now;
                      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                      m.put("articleId", rs.getString("article_id"));
                      m.put("article", open ? rs.getString("slug") : null);
                      m.put("headline", open ? rs.getString("headline") : null);
                      m.put("savedAt", Instant.ofEpochMilli(rs.getLong("created_at")).toString());
                      return m;
                    })
                .list());
  }

  /** The id of the article a reader can open at a slug (published, embargo over). */
  public Optional<String> articleId(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM articles WHERE slug = :s AND status = 'published' AND published_at <= :now")
                .bind("s", slug)
                .bind("now", System.currentTimeMillis())
                .mapTo(String.class)
                .findOne());
  }
}
