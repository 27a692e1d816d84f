package pressroom.articles;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.changes.ContentChanges;
import pressroom.db.Ids;
import pressroom.db.JdbcBatch;

/**
 * What editors change by hand: the text (keeping the previous version as a revision, as a partner's
 * correction does), correction notes, publishing a draft, withdrawal with a reason and restoring,
 * pins. Each is one transaction that records the change, so every node drops its stale pages at
 * once.
 */
public final class EditorialWrites {
  private final Jdbi jdbi;
  private final InstantSource clock;

  public EditorialWrites(Jdbi jdbi, InstantSource clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** How a write went. */
  public enum Result {
    DONE,
    NOT_FOUND,
    /** The article is not in a state the write applies to, or changed since the editor read it. */
    CONFLICT,
    /** The partner's licence for the article has run out, so it may not be shown again. */
    LICENCE_ENDED
  }

  /**
   * The text an editor saves; the body is already sanitized.
   *
   * @param sectionId an existing section's id
   */
  public record Edit(
      String headline, String summary, String bodyHtml, List<String> tagNames, String sectionId) {
    public Edit {
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(bodyHtml, "bodyHtml");
      Objects.requireNonNull(sectionId, "sectionId");
      tagNames = List.copyOf(tagNames);
    }
  }

  /** Where a pin puts a story first. */
  public enum Place {
    HOME("pinned_home_at"),
    SECTION("pinned_section_at");

    private final String column;

    Place(String column) {
      this.column = column;
    }
  }

  /**
   * Replaces headline, summary, body, tags and section, keeping the text before as a revision.
   *
   * @param readAt the article's {@code updatedAt} when the editor opened it: a save over a newer
   *     version is a CONFLICT rather than a silent loss of someone else's change
   */
  public Result edit(String articleId, Edit edit, Instant readAt) {
    return jdbi.inTransaction(
        h -> {
          var stored =
              h.createQuery(
                      "SELECT headline, summary, body_html, version, updated_at, published_at,"
                          + " listed FROM articles WHERE id = :id")
                  .bind("id", articleId)
                  .map(
                      (rs, ctx) -> {
                        long v = rs.getLong("version");
                        Long version = rs.wasNull() ? null : v;
                        return new StoredText(
                            rs.getString("headline"),
                            rs.getString("summary"),
                            rs.getString("body_html"),
                            version,
                            rs.getLong("updated_at"),
                            rs.getLong("published_at"),
                            rs.getLong("listed"));
                      })
                  .findOne();
          if (stored.isEmpty()) {
            return Result.NOT_FOUND;
          }
          StoredText before = stored.get();
          long expected = readAt == null ? before.updatedAt() : readAt.toEpochMilli();
          if (before.updatedAt() != expected) {
            return Result.CONFLICT;
          }
          long now = Math.max(clock.instant().toEpochMilli(), before.updatedAt() + 1);
          // Conditional, so that of two saves racing past the check above (PostgreSQL reads
          // committed rows, then waits for the row lock) only the first changes the article.
          int changed =
              h.createUpdate(
                      "UPDATE articles SET headline = :headline, summary = :summary,"
                          + " body_html = :body, section_id = :section, updated_at = :now"
                          + " WHERE id = :id AND updated_at = :readAt")
                  .bind("headline", edit.headline())
                  .bind("summary", edit.summary())
                  .bind("body", edit.bodyHtml())
                  .bind("section", edit.sectionId())
                  .bind("now", now)
                  .bind("id", articleId)
                  .bind("readAt", expected)
                  .execute();
          if (changed == 0) {
            return Result.CONFLICT;
          }
          h.createUpdate(
                  """
                  INSERT INTO article_revisions (id, article_id, headline, summary, body_html,
                    version, updated_at, replaced_at)
                  VALUES (:rev, :id, :headline, :summary, :body, :version, :updatedAt, :now)
                  """)
              .bind("rev", Ids.newId())
              .bind("id", articleId)
              .bind("headline", before.headline())
              .bind("summary", before.summary())
              .bind("body", before.bodyHtml())
              .bind("version", before.version())
              .bind("updatedAt", before.updatedAt())
              .bind("now", now)
              .execute();
          replaceTags(h, articleId, edit.tagNames(), before.publishedAt(), before.listed());
          ContentChanges.record(h, articleId);
          return Result.DONE;
        });
  }

  /** The text an edit replaces, kept as a revision, and what its tag links copy. */
  private record StoredText(
      String headline,
      String summary,
      String bodyHtml,
      Long version,
      long updatedAt,
      long publishedAt,
      long listed) {}

  /** The tag links carry the article's time and listed flag, like those the importer writes. */
  private static void replaceTags(
      Handle h, String articleId, List<String> names, long publishedAt, long listed) {
    h.createUpdate("DELETE FROM article_tags WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    NameIds ids = new NameIds();
    java.util.Set<String> seen = new java.util.HashSet<>();
    try (JdbcBatch tags =
        JdbcBatch.prepare(
            h,
            "INSERT INTO article_tags (article_id, tag_id, published_at, listed)"
                + " VALUES (?, ?, ?, ?)")) {
      for (String name : names) {
        String tagId = ids.tag(h, name);
        if (seen.add(tagId)) {
          tags.add(articleId).add(tagId).add(publishedAt).add(listed).row();
        }
      }
      tags.execute();
    }
  }

  /** Appends a correction note that readers see under the article. */
  public Result correct(String articleId, String note, String actorUserId) {
    return jdbi.inTransaction(
        h -> {
          if (!exists(h, articleId)) {
            return Result.NOT_FOUND;
          }
          h.createUpdate(
                  "INSERT INTO article_corrections (id, article_id, note, created_at,"
                      + " actor_user_id) VALUES (:id, :article, :note, :at, :actor)")
              .bind("id", Ids.newId())
              .bind("article", articleId)
              .bind("note", note)
              .bind("at", clock.instant().toEpochMilli())
              .bind("actor", actorUserId)
              .execute();
          ContentChanges.record(h, articleId);
          return Result.DONE;
        });
  }

  /**
   * Withdraws a published article (embargoed ones too), keeping the editor's reason for the notice
   * readers get instead; its pins go with it.
   */
  public Result withdraw(String articleId, String reason) {
    return jdbi.inTransaction(
        h -> {
          Result refused = unless(h, articleId, ArticleStatus.PUBLISHED);
          if (refused != null) {
            return refused;
          }
          StatusChanges.withdrawKeepingPicture(h, articleId, clock.instant().toEpochMilli());
          h.createUpdate(
                  "UPDATE articles SET withdrawal_reason = :reason, pinned_home_at = NULL,"
                      + " pinned_section_at = NULL WHERE id = :id")
              .bind("reason", reason)
              .bind("id", articleId)
              .execute();
          return Result.DONE;
        });
  }

  /**
   * Publishes again an article an editor withdrew, and forgets the reason. What a partner withdrew
   * (a kill notice, the end of a licence) has no reason here and stays withdrawn.
   */
  public Result restore(String articleId) {
    return jdbi.inTransaction(
        h -> {
          var status = statusOf(h, articleId);
          if (status == null) {
            return Result.NOT_FOUND;
          }
          boolean byEditor =
              h.createQuery(
                          "SELECT count(*) FROM articles WHERE id = :id"
                              + " AND withdrawal_reason IS NOT NULL")
                      .bind("id", articleId)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (status != ArticleStatus.WITHDRAWN || !byEditor) {
            return Result.CONFLICT;
          }
          long now = clock.instant().toEpochMilli();
          // Licence expiry skips withdrawn articles, so restoring must not outlive the licence.
          boolean licenceEnded =
              h.createQuery(
                          "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id"
                              + " WHERE a.id = :id AND s.expire_after_days > 0"
                              + " AND a.published_at <= :now - CAST(s.expire_after_days AS BIGINT) * 86400000")
                      .bind("id", articleId)
                      .bind("now", now)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (licenceEnded) {
            return Result.LICENCE_ENDED;
          }
          StatusChanges.setStatus(h, List.of(articleId), ArticleStatus.PUBLISHED, now);
          return Result.DONE;
        });
  }

  /**
   * Publishes a draft now: it is dated when it goes out, not when it was saved, so it takes its
   * place at the top of listings.
   */
  public Result publish(String articleId) {
    return jdbi.inTransaction(
        h -> {
          Result refused = unless(h, articleId, ArticleStatus.DRAFT);
          if (refused != null) {
            return refused;
          }
          long now = clock.instant().toEpochMilli();
          // Author and tag links carry the article's time for their listings (see replaceTags).
          for (String sql :
              List.of(
                  "UPDATE articles SET published_at = :now WHERE id = :id",
                  "UPDATE article_authors SET published_at = :now WHERE article_id = :id",
                  "UPDATE article_tags SET published_at = :now WHERE article_id = :id")) {
            h.createUpdate(sql).bind("now", now).bind("id", articleId).execute();
          }
          StatusChanges.setStatus(h, List.of(articleId), ArticleStatus.PUBLISHED, now);
          return Result.DONE;
        });
  }

  /** Pins a published article to the top of the home page or of its section. */
  public Result pin(String articleId, Place place) {
    return jdbi.inTransaction(
        h -> {
          Result refused = unless(h, articleId, ArticleStatus.PUBLISHED);
          if (refused != null) {
            return refused;
          }
          int pinned =
              h.createUpdate(
                      "UPDATE articles SET "
                          + place.column
                          + " = :now WHERE id = :id AND status = 'published'")
                  .bind("now", clock.instant().toEpochMilli())
                  .bind("id", articleId)
                  .execute();
          if (pinned == 0) {
            return Result.CONFLICT; // withdrawn since the status was read
          }
          ContentChanges.record(h, articleId);
          return Result.DONE;
        });
  }

  public Result unpin(String articleId, Place place) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate("UPDATE articles SET " + place.column + " = NULL WHERE id = :id")
                  .bind("id", articleId)
                  .execute();
          if (n == 0) {
            return Result.NOT_FOUND;
          }
          ContentChanges.record(h, articleId);
          return Result.DONE;
        });
  }

  private static boolean exists(Handle h, String articleId) {
    return statusOf(h, articleId) != null;
  }

  private static ArticleStatus statusOf(Handle h, String articleId) {
    return h.createQuery("SELECT status FROM articles WHERE id = :id")
        .bind("id", articleId)
        .mapTo(String.class)
        .findOne()
        .map(ArticleStatus::fromDb)
        .orElse(null);
  }

  /** NOT_FOUND or CONFLICT when the article is missing or not {@code needed}; null when it is. */
  private static Result unless(Handle h, String articleId, ArticleStatus needed) {
    ArticleStatus status = statusOf(h, articleId);
    if (status == null) {
      return Result.NOT_FOUND;
    }
    return status == needed ? null : Result.CONFLICT;
  }
}
