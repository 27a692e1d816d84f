package pressroom.bookmarks;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pressroom.articles.ArticleReads;
import pressroom.articles.ArticleSummary;
import pressroom.articles.Window;

/**
 * Reading lists: the bookmarks are this feature's rows; what readers see of each article comes from
 * the articles feature.
 */
public final class BookmarkDao {
  private final Jdbi jdbi;
  private final ArticleReads articles;
  private final InstantSource clock;

  public BookmarkDao(Jdbi jdbi, ArticleReads articles, InstantSource clock) {
    this.jdbi = jdbi;
    this.articles = articles;
    this.clock = clock;
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
      Instant savedAt,
      Details details) {}

  /**
   * What the reading list shows of an article a reader can open besides its headline; its language
   * and direction, so an Arabic headline reads right to left.
   */
  /**
   * @param picture the article's lead picture, or null
   */
  public record Details(
      String summary,
      String sourceName,
      String language,
      String direction,
      Instant publishedAt,
      pressroom.articles.Picture picture) {}

  /**
   * Adds an article (once); false when no reader could open it (none, embargoed, withdrawn): a
   * bookmark must not confirm that an unpublished article exists.
   */
  public boolean add(String accountId, String articleId) {
    Instant now = clock.instant();
    if (articles.summaries(List.of(articleId), now).isEmpty()) {
      return false;
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO bookmarks (account_id, article_id, created_at) SELECT :u, :a, :now"
                        + " WHERE NOT EXISTS (SELECT 1 FROM bookmarks WHERE account_id = :u AND article_id = :a)")
                .bind("u", accountId)
                .bind("a", articleId)
                .bind("now", now.toEpochMilli())
                .execute());
    return true;
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
   * One page of a reader's bookmarks, newest saved first, older than a position (saved time,
   * article id): their index in order.
   */
  public static final String LIST_SQL =
      """
      SELECT article_id, created_at FROM bookmarks
      WHERE account_id = :u AND created_at <= :atTime AND (created_at < :atTime OR article_id < :atId)
      ORDER BY created_at DESC, article_id DESC LIMIT :limit
      """;

  /** Where a reading list starts: before every bookmark. */
  public static final Window.Position NEWEST = new Window.Position(Long.MAX_VALUE, "~");

  private record Saved(String articleId, Instant savedAt) {}

  private static final RowMapper<Saved> SAVED =
      (rs, ctx) ->
          new Saved(rs.getString("article_id"), Instant.ofEpochMilli(rs.getLong("created_at")));

  /**
   * Up to {@code limit} bookmarks saved before {@code before} ({@link #NEWEST} for the first page),
   * newest first. A bookmark of an article whose time has not come (embargoed) stays out of sight,
   * so a page reads on past it to stay full.
   */
  public List<Entry> list(String accountId, Window.Position before, int limit) {
    Instant now = clock.instant();
    List<Entry> out = new ArrayList<>();
    Window.Position at = before;
    while (out.size() < limit) {
      List<Saved> rows = saved(accountId, at, limit - out.size());
      if (rows.isEmpty()) {
        break;
      }
      List<String> ids = rows.stream().map(Saved::articleId).toList();
      Map<String, ArticleSummary> open = byId(articles.summaries(ids, now));
      Set<String> dated = articles.datedBy(ids, now);
      for (Saved row : rows) {
        ArticleSummary a = open.get(row.articleId());
        if (a != null) {
          out.add(
              new Entry(
                  a.id(),
                  a.slug(),
                  a.headline(),
                  a.section().name(),
                  true,
                  row.savedAt(),
                  new Details(
                      a.summary(),
                      a.sourceName(),
                      a.language(),
                      a.direction(),
                      a.publishedAt(),
                      a.picture())));
        } else if (dated.contains(row.articleId())) {
          out.add(new Entry(row.articleId(), null, null, null, false, row.savedAt(), null));
        }
      }
      Saved last = rows.getLast();
      at = new Window.Position(last.savedAt().toEpochMilli(), last.articleId());
    }
    return out;
  }

  private List<Saved> saved(String accountId, Window.Position before, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(LIST_SQL)
                .bind("u", accountId)
                .bind("atTime", before.publishedAt())
                .bind("atId", before.id())
                .bind("limit", limit)
                .map(SAVED)
                .list());
  }

  /** Every bookmark of an account, oldest first, for "Download my data". */
  public List<Map<String, Object>> savedBy(String accountId) {
    List<Saved> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT article_id, created_at FROM bookmarks WHERE account_id = :u"
                            + " ORDER BY created_at, article_id")
                    .bind("u", accountId)
                    .map(SAVED)
                    .list());
    Map<String, ArticleSummary> open =
        byId(articles.summaries(rows.stream().map(Saved::articleId).toList(), clock.instant()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Saved row : rows) {
      ArticleSummary a = open.get(row.articleId());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("articleId", row.articleId());
      m.put("article", a == null ? null : a.slug());
      m.put("headline", a == null ? null : a.headline());
      m.put("savedAt", row.savedAt().toString());
      out.add(m);
    }
    return out;
  }

  private static Map<String, ArticleSummary> byId(List<ArticleSummary> summaries) {
    Map<String, ArticleSummary> byId = new HashMap<>();
    summaries.forEach(a -> byId.put(a.id(), a));
    return byId;
  }

  /** The id of the article a reader can open at a slug (published, embargo over). */
  public Optional<String> articleId(String slug) {
    return articles.readableId(slug, clock.instant());
  }
}
