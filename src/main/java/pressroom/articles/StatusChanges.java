package pressroom.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import pressroom.changes.Change;
import pressroom.changes.ContentChanges;

/**
 * The one place an article's status changes (withdrawn, expired, published again): inside the
 * caller's transaction, keeping which version of a story listings show ({@link StoryLeads}) and the
 * change log right.
 */
public final class StatusChanges {
  private StatusChanges() {}

  /**
   * Sets these articles' status inside the caller's transaction: the one place a status changes.
   * Their stories decide again which version listings show (another partner's may take a withdrawn
   * one's place), and every version of those stories is recorded as changed, since their "Also
   * from" links change too.
   *
   * @return how many articles there were
   */
  public static int setStatus(
      Handle h, Collection<String> articleIds, ArticleStatus status, long nowMillis) {
    return change(h, articleIds, status, nowMillis, false);
  }

  /**
   * {@link #setStatus}, for an editor's withdrawal, which the editor may undo: the picture is kept
   * (and not served, as the article is not published) so that a restored article has it again.
   */
  public static int withdrawKeepingPicture(Handle h, String articleId, long nowMillis) {
    return change(h, List.of(articleId), ArticleStatus.WITHDRAWN, nowMillis, true);
  }

  private static int change(
      Handle h,
      Collection<String> articleIds,
      ArticleStatus status,
      long nowMillis,
      boolean keepPicture) {
    List<String> changed = new ArrayList<>();
    for (String id : articleIds) {
      int n =
          // An editor's withdrawal reason holds only until the status changes again: what a
          // partner then withdraws (a kill notice) must not be restorable as the editor's.
          h.createUpdate(
                  "UPDATE articles SET status = :status, updated_at = :now,"
                      + " withdrawal_reason = NULL WHERE id = :id")
              .bind("status", status.dbValue())
              .bind("now", nowMillis)
              .bind("id", id)
              .execute();
      if (n > 0) {
        changed.add(id);
      }
    }
    if (status != ArticleStatus.PUBLISHED && !keepPicture && !changed.isEmpty()) {
      // The licence ended (expiry, a partner's kill): the picture goes with the article, in the
      // same transaction. Serving checks the status as well, so its address answers 404 at once.
      ArticlePictures.forget(h, changed);
    }
    if (!changed.isEmpty()) {
      List<String> stories = StoryLeads.storiesOf(h, changed);
      StoryLeads.refresh(h, stories, nowMillis);
      recordWithStories(h, changed, stories);
    }
    return changed.size();
  }

  /**
   * Makes an editor's withdrawal the partner's (a kill notice came for it): the editor's reason,
   * which is what lets {@link EditorialWrites#restore} publish it again, goes.
   */
  public static void forgetWithdrawalReason(Handle h, String articleId) {
    int n =
        h.createUpdate(
                "UPDATE articles SET withdrawal_reason = NULL"
                    + " WHERE id = :id AND withdrawal_reason IS NOT NULL")
            .bind("id", articleId)
            .execute();
    if (n > 0) {
      ArticlePictures.forget(h, List.of(articleId)); // the partner's withdrawal is for good
      ContentChanges.record(h, articleId); // readers' notice now names the publisher
    }
  }

  /**
   * Expires, inside the caller's transaction, the published articles of a source published at or
   * before {@code cutoff} (its licence lets them stay that long).
   *
   * @return how many were expired
   */
  public static int expire(Handle h, String sourceId, Instant cutoff, long nowMillis) {
    List<String> ids =
        h.createQuery(
                "SELECT id FROM articles WHERE source_id = :s AND status = 'published'"
                    + " AND published_at <= :cutoff")
            .bind("s", sourceId)
            .bind("cutoff", cutoff.toEpochMilli())
            .mapTo(String.class)
            .list();
    return setStatus(h, ids, ArticleStatus.EXPIRED, nowMillis);
  }

  /** The articles {@link #withdrawSource} withdraws (binds {@code :id}, the source). */
  private static final String WITHDRAWN_WITH_SOURCE =
      "source_id = :id AND status IN ('published', 'draft')";

  /**
   * What {@link #withdrawSource} would withdraw, so an editor sees it before removing a partner.
   *
   * @param count how many articles
   * @param newest the newest of them, at most as many as asked for
   */
  public record SourceWithdrawal(int count, List<Withdrawn> newest) {
    public SourceWithdrawal {
      newest = List.copyOf(newest);
    }
  }

  /** One article a withdrawal would take down, by its headline and address. */
  public record Withdrawn(String slug, String headline, Instant publishedAt) {}

  /** What withdrawing every article of a source would take down; {@code named} newest named. */
  public static SourceWithdrawal sourceWithdrawal(Handle h, String sourceId, int named) {
    int count =
        h.createQuery("SELECT count(*) FROM articles WHERE " + WITHDRAWN_WITH_SOURCE)
            .bind("id", sourceId)
            .mapTo(Integer.class)
            .one();
    List<Withdrawn> newest =
        count == 0
            ? List.of()
            : h.createQuery(
                    "SELECT slug, headline, published_at FROM articles WHERE "
                        + WITHDRAWN_WITH_SOURCE
                        + " ORDER BY published_at DESC, id DESC LIMIT :n")
                .bind("id", sourceId)
                .bind("n", named)
                .map(
                    (rs, ctx) ->
                        new Withdrawn(
                            rs.getString("slug"),
                            rs.getString("headline"),
                            Instant.ofEpochMilli(rs.getLong("published_at"))))
                .list();
    return new SourceWithdrawal(count, newest);
  }

  /**
   * Withdraws, inside the caller's transaction, every published or draft article of a source whose
   * partnership ended; the stories it shares with others pass to another partner's version.
   *
   * @return how many were withdrawn
   */
  public static int withdrawSource(Handle h, String sourceId, long nowMillis) {
    List<String> shared = StoryLeads.sharedStories(h, sourceId);
    ArticlePictures.forgetOfSource(h, WITHDRAWN_WITH_SOURCE, sourceId);
    int withdrawn =
        h.createUpdate(
                "UPDATE articles SET status = 'withdrawn', updated_at = :now, listed = 0,"
                    + " embargo_pending = 0 WHERE "
                    + WITHDRAWN_WITH_SOURCE)
            .bind("now", nowMillis)
            .bind("id", sourceId)
            .execute();
    h.createUpdate(
            "UPDATE articles SET withdrawal_reason = NULL"
                + " WHERE source_id = :id AND withdrawal_reason IS NOT NULL")
        .bind("id", sourceId)
        .execute();
    for (String table : List.of("article_authors", "article_tags")) {
      h.createUpdate(
              "UPDATE "
                  + table
                  + " SET listed = 0 WHERE listed = 1 AND article_id IN"
                  + " (SELECT id FROM articles WHERE source_id = :id)")
          .bind("id", sourceId)
          .execute();
    }
    StoryLeads.refresh(h, shared, nowMillis);
    ContentChanges.record(h, new Change.Everything());
    return withdrawn;
  }

  /** Records these articles as changed, and every version of these stories. */
  static void recordWithStories(Handle h, List<String> articleIds, Collection<String> stories) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>(articleIds);
    // One query per 500 stories, not one per story joined.
    ids.addAll(
        StoryLeads.inChunks(
            stories,
            chunk ->
                h.createQuery("SELECT id FROM articles WHERE story_id IN (<stories>)")
                    .bindList("stories", chunk)
                    .mapTo(String.class)
                    .list()));
    ContentChanges.recordAll(h, ids);
  }
}
