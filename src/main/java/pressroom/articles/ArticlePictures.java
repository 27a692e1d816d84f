package pressroom.articles;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.changes.ContentChanges;
import pressroom.db.Ids;

/**
 * The SQL of articles' stored pictures. The tables belong to articles because a picture lives and
 * dies with its article's status: {@link StatusChanges} removes it in the transaction that takes
 * the article down, so its address answers 404 at once on every node. Fetching, resizing and
 * serving are the pictures feature's; it stores and reads through this class.
 */
public final class ArticlePictures {
  private final Jdbi jdbi;

  public ArticlePictures(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A published article whose image address has no stored picture yet. */
  public record Wanted(String articleId, String imageUrl) {}

  /** One encoded size of a picture. */
  public record Rendition(int width, int height, String contentType, byte[] bytes) {
    public Rendition {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** A picture to store for an article: made from {@code sourceUrl}, renditions ascending. */
  public record NewPicture(
      String sourceUrl, String caption, String credit, List<Rendition> renditions) {
    public NewPicture {
      Objects.requireNonNull(sourceUrl, "sourceUrl");
      renditions = List.copyOf(renditions);
      if (renditions.isEmpty()) {
        throw new IllegalArgumentException("a picture needs at least one rendition");
      }
    }
  }

  /** The bytes of one rendition, with the article they belong to (a cache drops them with it). */
  public record Served(String articleId, String contentType, byte[] bytes) {}

  /**
   * Published articles published since {@code since} whose image address has no stored picture
   * (none, or one made from another address) and has not failed lately, newest first. The walk
   * follows {@code articles_with_image}, so an idle run reads only the recent articles' index.
   */
  public List<Wanted> wanted(Instant since, Instant now, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(WANTED)
                .bind("since", since.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new Wanted(rs.getString("id"), rs.getString("image_url")))
                .list());
  }

  /** Forgets the failed addresses not tried since {@code before}. */
  public void forgetFailuresBefore(Instant before) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM picture_failures WHERE next_try_at < :before")
                .bind("before", before.toEpochMilli())
                .execute());
  }

  /** The SQL of {@link #wanted} (exposed so a test can check its plan). */
  public static final String WANTED =
      """
      SELECT a.id, a.image_url FROM articles a
      LEFT JOIN pictures pic ON pic.article_id = a.id
      LEFT JOIN picture_failures f ON f.source_url = a.image_url
      WHERE a.image_url IS NOT NULL AND a.status = 'published'
        AND a.published_at >= :since
        AND (pic.id IS NULL OR pic.source_url <> a.image_url)
        AND (f.source_url IS NULL OR f.next_try_at <= :now)
      ORDER BY a.published_at DESC, a.id DESC LIMIT :limit
      """;

  /**
   * Stores {@code picture} as the article's, replacing the one it had, and records the article as
   * changed so its pages show it. Nothing is stored when the article is no longer published or its
   * image address changed meanwhile ({@code requireImageUrl}, null for the site's own pictures).
   *
   * @return the new picture's id, or empty when nothing was stored
   */
  public Optional<String> store(
      String articleId, NewPicture picture, boolean requireImageUrl, Instant now) {
    return jdbi.inTransaction(
        h -> {
          boolean stillWanted =
              h.createQuery(
                          "SELECT count(*) FROM articles WHERE id = :id AND status = 'published'"
                              + (requireImageUrl ? " AND image_url = :url" : ""))
                      .bind("id", articleId)
                      .bind("url", picture.sourceUrl())
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (!stillWanted) {
            return Optional.<String>empty();
          }
          forget(h, List.of(articleId));
          String id = Ids.newId();
          Rendition largest = picture.renditions().getLast();
          h.createUpdate(
                  """
                  INSERT INTO pictures (id, article_id, source_url, width, height, widths, caption,
                                        credit, fetched_at)
                  VALUES (:id, :article, :url, :width, :height, :widths, :caption, :credit, :now)
                  """)
              .bind("id", id)
              .bind("article", articleId)
              .bind("url", picture.sourceUrl())
              .bind("width", largest.width())
              .bind("height", largest.height())
              .bind(
                  "widths",
                  picture.renditions().stream()
                      .map(r -> String.valueOf(r.width()))
                      .collect(Collectors.joining(",")))
              .bind("caption", picture.caption())
              .bind("credit", picture.credit())
              .bind("now", now.toEpochMilli())
              .execute();
          for (Rendition r : picture.renditions()) {
            h.createUpdate(
                    """
                    INSERT INTO picture_renditions (picture_id, width, content_type, bytes)
                    VALUES (:id, :width, :type, :bytes)
                    """)
                .bind("id", id)
                .bind("width", r.width())
                .bind("type", r.contentType())
                .bind("bytes", r.bytes())
                .execute();
          }
          h.createUpdate("DELETE FROM picture_failures WHERE source_url = :url")
              .bind("url", picture.sourceUrl())
              .execute();
          ContentChanges.record(h, articleId);
          return Optional.of(id);
        });
  }

  /** How many times this image address has failed so far (0 if never). */
  public int attempts(String sourceUrl) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT attempts FROM picture_failures WHERE source_url = :url")
                .bind("url", sourceUrl)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0));
  }

  /** Remembers that this image address failed, and not to try it again before {@code nextTry}. */
  public void failed(String sourceUrl, String reason, Instant nextTry) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO picture_failures (source_url, attempts, last_error, next_try_at)
                    VALUES (:url, 1, :reason, :next)
                    ON CONFLICT (source_url) DO UPDATE SET
                      attempts = picture_failures.attempts + 1,
                      last_error = excluded.last_error, next_try_at = excluded.next_try_at
                    """)
                .bind("url", sourceUrl)
                .bind("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .bind("next", nextTry.toEpochMilli())
                .execute());
  }

  /**
   * One rendition of a picture whose article readers may open now (published, its time come), or
   * empty.
   */
  public Optional<Served> rendition(String pictureId, int width, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT pic.article_id, r.content_type, r.bytes FROM picture_renditions r
                    JOIN pictures pic ON pic.id = r.picture_id
                    JOIN articles a ON a.id = pic.article_id
                    WHERE r.picture_id = :id AND r.width = :width
                      AND a.status = 'published' AND a.published_at <= :now
                    """)
                .bind("id", pictureId)
                .bind("width", width)
                .bind("now", now.toEpochMilli())
                .map(
                    (rs, ctx) ->
                        new Served(
                            rs.getString("article_id"),
                            rs.getString("content_type"),
                            rs.getBytes("bytes")))
                .findOne());
  }

  /** The picture an article has stored, whatever its status (for tests and the command line). */
  public Optional<Picture> of(String articleId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + ArticleRows.PICTURE_COLUMNS
                        + " FROM articles a"
                        + ArticleRows.PICTURE_JOIN
                        + " WHERE a.id = :id AND pic.id IS NOT NULL")
                .bind("id", articleId)
                .map((rs, ctx) -> ArticleRows.picture(rs))
                .findOne());
  }

  /** Removes the pictures of these articles inside the caller's transaction. */
  static void forget(Handle h, Collection<String> articleIds) {
    for (List<String> chunk : ArticleRows.chunks(List.copyOf(articleIds))) {
      h.createUpdate(
              "DELETE FROM picture_renditions WHERE picture_id IN"
                  + " (SELECT id FROM pictures WHERE article_id IN (<ids>))")
          .bindList("ids", chunk)
          .execute();
      h.createUpdate("DELETE FROM pictures WHERE article_id IN (<ids>)")
          .bindList("ids", chunk)
          .execute();
    }
  }

  /**
   * Removes, inside the caller's transaction, an article's fetched picture once the feed no longer
   * names that image (the partner dropped or replaced it): a picture a partner took back must not
   * stay up, nor stand under the new one's caption and credit until that is fetched.
   */
  static void forgetUnlessFrom(Handle h, String articleId, String imageUrl) {
    String stale =
        "SELECT id FROM pictures WHERE article_id = :id AND source_url IS NOT NULL"
            + (imageUrl == null ? "" : " AND source_url <> :url");
    h.createUpdate("DELETE FROM picture_renditions WHERE picture_id IN (" + stale + ")")
        .bind("id", articleId)
        .bind("url", imageUrl)
        .execute();
    h.createUpdate("DELETE FROM pictures WHERE id IN (" + stale + ")")
        .bind("id", articleId)
        .bind("url", imageUrl)
        .execute();
  }

  /**
   * Removes, inside the caller's transaction, the pictures of the articles of a source that match
   * {@code where} (binds {@code :id}, the source).
   */
  static void forgetOfSource(Handle h, String where, String sourceId) {
    String articles =
        "SELECT pic.id FROM pictures pic JOIN articles a ON a.id = pic.article_id WHERE " + where;
    h.createUpdate("DELETE FROM picture_renditions WHERE picture_id IN (" + articles + ")")
        .bind("id", sourceId)
        .execute();
    h.createUpdate("DELETE FROM pictures WHERE id IN (" + articles + ")")
        .bind("id", sourceId)
        .execute();
  }
}
