package pressroom.articles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import pressroom.db.JdbcBatch;

/**
 * Decides, when articles are written, which version of each story listings show: the published
 * version whose time has come, from the partner with the highest priority, then the earliest, then
 * the lowest id. Listings read the stored `listed` flag instead of comparing every row with its
 * story's other versions, so their cost does not grow with the archive.
 *
 * <p>Every write that can change the choice calls {@link #refresh}: a version joining a story, a
 * withdrawal, an expiry, an embargo ending ({@link #liftEmbargoes}), a partner's new priority
 * ({@link #refreshSource}).
 */
public final class StoryLeads {
  private StoryLeads() {}

  /** What the choice looks at in one version of a story. */
  public record Version(String id, ArticleStatus status, long publishedAt, int priority) {}

  private static final Comparator<Version> FIRST =
      Comparator.comparingInt((Version v) -> -v.priority())
          .thenComparingLong(Version::publishedAt)
          .thenComparing(Version::id);

  /** The version listings show at {@code nowMillis}, if any may be shown. */
  public static Optional<Version> lead(Collection<Version> versions, long nowMillis) {
    return versions.stream()
        .filter(v -> v.status() == ArticleStatus.PUBLISHED && v.publishedAt() <= nowMillis)
        .min(FIRST);
  }

  /** Whether a published article at this time still waits for its embargo to end. */
  static boolean embargoed(ArticleStatus status, long publishedAt, long nowMillis) {
    return status == ArticleStatus.PUBLISHED && publishedAt > nowMillis;
  }

  /**
   * Decides these stories again as of {@code nowMillis}, inside the caller's transaction, and
   * writes the flags that changed (on the article and on its author and tag links).
   */
  public static void refresh(Handle h, Collection<String> storyIds, long nowMillis) {
    inChunks(
        storyIds,
        chunk -> {
          refreshBatch(h, chunk, nowMillis);
          return List.of();
        });
  }

  /** Every version of some stories, with what the choice needs. */
  public static final String STORY_VERSIONS_SQL =
      """
      SELECT a.id, a.story_id, a.status, a.published_at, a.listed, a.embargo_pending,
             coalesce(src.priority, 0) AS priority
      FROM articles a LEFT JOIN sources src ON src.id = a.source_id
      WHERE a.story_id IN (<stories>)
      """;

  /** Embargoed articles whose time has come. */
  public static final String DUE_EMBARGOES_SQL =
      "SELECT id, story_id FROM articles WHERE embargo_pending = 1 AND published_at <= :now";

  private record Stored(String storyId, Version version, boolean listed, boolean pending) {}

  private static void refreshBatch(Handle h, List<String> storyIds, long nowMillis) {
    Map<String, List<Stored>> byStory = new HashMap<>();
    h.createQuery(STORY_VERSIONS_SQL)
        .bindList("stories", storyIds)
        .map(
            (rs, ctx) ->
                new Stored(
                    rs.getString("story_id"),
                    new Version(
                        rs.getString("id"),
                        ArticleStatus.fromDb(rs.getString("status")),
                        rs.getLong("published_at"),
                        rs.getInt("priority")),
                    rs.getInt("listed") == 1,
                    rs.getInt("embargo_pending") == 1))
        .forEach(s -> byStory.computeIfAbsent(s.storyId(), k -> new ArrayList<>()).add(s));
    try (JdbcBatch articles =
            JdbcBatch.prepare(
                h, "UPDATE articles SET listed = ?, embargo_pending = ? WHERE id = ?");
        JdbcBatch authors =
            JdbcBatch.prepare(h, "UPDATE article_authors SET listed = ? WHERE article_id = ?");
        JdbcBatch tags =
            JdbcBatch.prepare(h, "UPDATE article_tags SET listed = ? WHERE article_id = ?")) {
      for (List<Stored> story : byStory.values()) {
        String lead =
            lead(story.stream().map(Stored::version).toList(), nowMillis)
                .map(Version::id)
                .orElse(null);
        for (Stored s : story) {
          Version v = s.version();
          boolean listed = v.id().equals(lead);
          boolean pending = embargoed(v.status(), v.publishedAt(), nowMillis);
          if (listed != s.listed() || pending != s.pending()) {
            articles.add(listed ? 1 : 0).add(pending ? 1 : 0).add(v.id()).row();
          }
          if (listed != s.listed()) {
            authors.add(listed ? 1 : 0).add(v.id()).row();
            tags.add(listed ? 1 : 0).add(v.id()).row();
          }
        }
      }
      articles.execute();
      authors.execute();
      tags.execute();
    }
  }

  /** The stories of these articles. */
  public static List<String> storiesOf(Handle h, Collection<String> articleIds) {
    return inChunks(
        articleIds,
        ids ->
            h.createQuery("SELECT DISTINCT story_id FROM articles WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .mapTo(String.class)
                .list());
  }

  /** Runs {@code query} on at most 500 values at a time (SQLite binds at most 32,766). */
  static <T> List<T> inChunks(Collection<String> values, Function<List<String>, List<T>> query) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(values));
    List<T> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 500) {
      out.addAll(query.apply(all.subList(from, Math.min(all.size(), from + 500))));
    }
    return out;
  }

  /**
   * Lists the embargoed articles whose time has come (however long ago: a site that was down
   * catches up) and decides their stories again; returns their ids for the change log.
   */
  public static List<String> liftEmbargoes(Handle h, long nowMillis) {
    List<Map.Entry<String, String>> due =
        h.createQuery(DUE_EMBARGOES_SQL)
            .bind("now", nowMillis)
            .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("story_id")))
            .list();
    refresh(h, due.stream().map(Map.Entry::getValue).toList(), nowMillis);
    return due.stream().map(Map.Entry::getKey).toList();
  }

  /**
   * A partner's priority changed: decides again every story in which one of its articles has a
   * version from another partner. Returns the ids of the articles in those stories.
   */
  public static List<String> refreshSource(Handle h, String sourceId, long nowMillis) {
    List<String> stories = sharedStories(h, sourceId);
    refresh(h, stories, nowMillis);
    return inChunks(
        stories,
        chunk ->
            h.createQuery("SELECT id FROM articles WHERE story_id IN (<stories>)")
                .bindList("stories", chunk)
                .mapTo(String.class)
                .list());
  }

  /** The stories in which one of this source's articles has a version from another partner. */
  public static List<String> sharedStories(Handle h, String sourceId) {
    return h.createQuery(
            """
            SELECT DISTINCT a.story_id FROM articles a
            WHERE a.source_id = :source AND EXISTS (
              SELECT 1 FROM articles o WHERE o.story_id = a.story_id AND o.id <> a.id)
            """)
        .bind("source", sourceId)
        .mapTo(String.class)
        .list();
  }
}
