package pressroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads of single articles and what an article page shows beside one (related, "Also from"). */
public final class ArticleReads {
  private final Jdbi jdbi;

  public ArticleReads(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long countArticles() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM articles").mapTo(Long.class).one());
  }

  // ---- one article

  /** The article readers may see at {@code slug}: published and not embargoed. */
  public Optional<Article> findPublished(String slug, Instant now) {
    return jdbi.withHandle(
        h -> {
          Optional<Article> found =
              h.createQuery(
                      ArticleRows.ARTICLE_SELECT
                          + "WHERE a.slug = :slug AND a.status = 'published' AND a.published_at <= :now")
                  .bind("slug", slug)
                  .bind("now", now.toEpochMilli())
                  .map((rs, ctx) -> ArticleRows.article(rs))
                  .findOne();
          return found.map(a -> withAuthorsAndTags(h, a));
        });
  }

  /** The published article with this id (the read API addresses articles by id). */
  public Optional<Article> findPublishedById(String id, Instant now) {
    Optional<String> slug =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT slug FROM articles WHERE id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne());
    return slug.flatMap(s -> findPublished(s, now));
  }

  /**
   * Published articles in id order after {@code afterId} (null for the start), complete with
   * authors and tags, {@code limit} at a time: three queries a batch, however many articles there
   * are (for rebuilding the search index).
   */
  public List<Article> publishedAfter(String afterId, int limit, Instant now) {
    return jdbi.withHandle(
        h -> {
          List<Article> rows =
              h.createQuery(
                      ArticleRows.ARTICLE_SELECT
                          + "WHERE a.status = 'published' AND a.published_at <= :now AND a.id > :after ORDER BY a.id LIMIT :limit")
                  .bind("now", now.toEpochMilli())
                  .bind("after", afterId == null ? "" : afterId)
                  .bind("limit", limit)
                  .map((rs, ctx) -> ArticleRows.article(rs))
                  .list();
          return withAuthorsAndTags(h, rows);
        });
  }

  /**
   * The published articles among {@code ids} (at most a few hundred), complete with authors and
   * tags, in three queries: the search index applies the change log a batch at a time.
   */
  public List<Article> publishedAmong(java.util.Collection<String> ids, Instant now) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            withAuthorsAndTags(
                h,
                h.createQuery(
                        ArticleRows.ARTICLE_SELECT
                            + "WHERE a.id IN (<ids>) AND a.status = 'published' AND a.published_at <= :now")
                    .bindList("ids", List.copyOf(ids))
                    .bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> ArticleRows.article(rs))
                    .list()));
  }

  /** The articles with their authors and tags, two queries for all of them. */
  private static List<Article> withAuthorsAndTags(Handle h, List<Article> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    List<String> ids = rows.stream().map(Article::id).toList();
    Map<String, List<Author>> authors = ArticleRows.authorsOf(h, ids);
    Map<String, List<Tag>> tags = ArticleRows.tagsOf(h, ids);
    return rows.stream()
        .map(
            a ->
                a.with(
                    authors.getOrDefault(a.id(), List.of()), tags.getOrDefault(a.id(), List.of())))
        .toList();
  }

  /**
   * How many stories listings show, from their index: about what the search index holds (it also
   * holds each story's other versions), for a progress bar.
   */
  public long countListed() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM articles WHERE listed = 1")
                .mapTo(Long.class)
                .one());
  }

  private Article withAuthorsAndTags(Handle h, Article a) {
    return a.with(
        ArticleRows.authorsOf(h, List.of(a.id())).getOrDefault(a.id(), List.of()),
        ArticleRows.tagsOf(h, List.of(a.id())).getOrDefault(a.id(), List.of()));
  }

  /**
   * The summaries of those of these articles that readers may open (published, their time come), in
   * the order asked, with authors: for features that keep articles by id (reading lists).
   */
  public List<ArticleSummary> summaries(List<String> ids, Instant now) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h -> {
          Map<String, ArticleSummary> found = new java.util.HashMap<>();
          for (List<String> chunk : ArticleRows.chunks(ids)) {
            h.createQuery(
                    "SELECT "
                        + ArticleRows.SUMMARY_COLUMNS
                        + " FROM articles a JOIN sections s ON s.id = a.section_id"
                        + " LEFT JOIN sources src ON src.id = a.source_id"
                        + ArticleRows.PICTURE_JOIN
                        + " WHERE a.id IN (<ids>) AND a.status = 'published'"
                        + " AND a.published_at <= :now")
                .bindList("ids", chunk)
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> ArticleRows.summary(rs))
                .forEach(a -> found.put(a.id(), a));
          }
          return ArticleRows.withAuthors(
              h, ids.stream().distinct().map(found::get).filter(a -> a != null).toList());
        });
  }

  /**
   * Which of these articles exist and are dated at or before {@code now}, whatever their status: a
   * withdrawn one was once shown; an embargoed one must not be hinted at.
   */
  public java.util.Set<String> datedBy(List<String> ids, Instant now) {
    return jdbi.withHandle(
        h -> {
          java.util.Set<String> found = new java.util.HashSet<>();
          for (List<String> chunk : ArticleRows.chunks(ids)) {
            found.addAll(
                h.createQuery(
                        "SELECT id FROM articles WHERE id IN (<ids>) AND published_at <= :now")
                    .bindList("ids", chunk)
                    .bind("now", now.toEpochMilli())
                    .mapTo(String.class)
                    .list());
          }
          return found;
        });
  }

  /** The id of the article readers can open at {@code slug} (published, embargo over). */
  public Optional<String> readableId(String slug, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM articles WHERE slug = :s AND status = 'published'"
                        + " AND published_at <= :now")
                .bind("s", slug)
                .bind("now", now.toEpochMilli())
                .mapTo(String.class)
                .findOne());
  }

  /** The status of the article at {@code slug}, if there is one (for 410 answers). */
  public Optional<ArticleStatus> statusOf(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT status FROM articles WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(String.class)
                .findOne()
                .map(ArticleStatus::fromDb));
  }

  /** What the editor who withdrew the article at {@code slug} gave as the reason, if anything. */
  public Optional<String> withdrawalReason(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT withdrawal_reason FROM articles WHERE slug = :slug"
                        + " AND status = 'withdrawn' AND withdrawal_reason IS NOT NULL")
                .bind("slug", slug)
                .mapTo(String.class)
                .findOne());
  }

  /** The same story as told by other partners: published versions other than {@code a}. */
  public List<AlsoFrom> alsoFrom(Article a, Instant now) {
    if (a.storyId() == null) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.id, a.slug, a.headline, src.name AS source_name
                    FROM articles a LEFT JOIN sources src ON src.id = a.source_id
                    WHERE a.story_id = :story AND a.id <> :id AND a.status = 'published'
                      AND a.published_at <= :now
                    ORDER BY coalesce(src.priority, 0) DESC, a.published_at
                    """)
                .bind("story", a.storyId())
                .bind("id", a.id())
                .bind("now", now.toEpochMilli())
                .map(
                    (rs, ctx) ->
                        new AlsoFrom(
                            rs.getString("id"),
                            rs.getString("slug"),
                            rs.getString("headline"),
                            rs.getString("source_name")))
                .list());
  }

  /** A related article: shares tags with this one, from another story. */
  public record Related(String id, String slug, String headline, String sectionName) {}

  /**
   * How many of an article's tags, and how many of each tag's newest articles, related() weighs.
   */
  static final int RELATED_TAGS = 8;

  static final int RELATED_PER_TAG = 100;

  /**
   * The SQL of related(): the newest listed articles of each of {@code tags} tags (one index range
   * each, so its cost does not grow with the archive), ranked by how many tags they share.
   */
  public static String relatedSql(int tags) {
    StringBuilder candidates = new StringBuilder();
    for (int i = 0; i < tags; i++) {
      candidates
          .append(i == 0 ? "" : " UNION ALL ")
          .append("SELECT * FROM (SELECT article_id, published_at FROM article_tags")
          .append(" WHERE tag_id = :tag")
          .append(i)
          .append(" AND listed = 1 AND published_at <= :now")
          .append(" ORDER BY published_at DESC, article_id DESC LIMIT ")
          .append(RELATED_PER_TAG)
          .append(") t")
          .append(i);
    }
    return """
        SELECT o.id, o.slug, o.headline, s.name AS section_name
        FROM (SELECT article_id, count(*) AS shared, max(published_at) AS published_at
              FROM (%s) c WHERE article_id <> :id GROUP BY article_id) r
        JOIN articles o ON o.id = r.article_id
        JOIN sections s ON s.id = o.section_id
        WHERE o.story_id <> :story
        ORDER BY r.shared DESC, r.published_at DESC, r.article_id DESC
        LIMIT :limit
        """
        .formatted(candidates);
  }

  /**
   * Up to {@code limit} listed articles sharing the most tags with {@code a} among each tag's
   * newest, newest first among equals; never the same story (another partner's version is "Also
   * from", not related).
   */
  public List<Related> related(Article a, int limit, Instant now) {
    if (a.tags().isEmpty()) {
      return List.of();
    }
    List<Tag> tags = a.tags().subList(0, Math.min(RELATED_TAGS, a.tags().size()));
    return jdbi.withHandle(
        h -> {
          Query q =
              h.createQuery(relatedSql(tags.size()))
                  .bind("id", a.id())
                  .bind("now", now.toEpochMilli())
                  .bind("story", a.storyId() == null ? a.id() : a.storyId())
                  .bind("limit", limit);
          for (int i = 0; i < tags.size(); i++) {
            q.bind("tag" + i, tags.get(i).id());
          }
          return q.map(
                  (rs, ctx) ->
                      new Related(
                          rs.getString("id"),
                          rs.getString("slug"),
                          rs.getString("headline"),
                          rs.getString("section_name")))
              .list();
        });
  }

  /** A link to another partner's version of the same story. */
  public record AlsoFrom(String id, String slug, String headline, String sourceName) {}
}
