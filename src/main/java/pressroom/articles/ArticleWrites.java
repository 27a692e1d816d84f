package pressroom.articles;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.changes.ContentChanges;
import pressroom.db.BulkInsert;
import pressroom.db.Ids;

/** Stores articles: new ones, a partner's corrections, status changes. */
public final class ArticleWrites {
  private final Jdbi jdbi;
  private final InstantSource clock;

  public ArticleWrites(Jdbi jdbi, InstantSource clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  // ---- writes

  /**
   * Stores a new article with its authors and tags in one transaction and records the change so
   * every node drops cached pages.
   *
   * @throws IllegalArgumentException if the section does not exist
   */
  public StoredArticle insert(NewArticle in) {
    return jdbi.inTransaction(h -> insert(h, in, new NameIds(), clock.instant()));
  }

  /**
   * Stores a new article inside the caller's transaction. {@code names} remembers author, tag and
   * section ids across calls (a bulk import passes one for a whole batch and drops it if the batch
   * rolls back). {@code now} decides whether it is listed yet or waits for its embargo.
   */
  public static StoredArticle insert(Handle h, NewArticle in, NameIds names, Instant now) {
    return insertAll(h, List.of(in), names, now).get(0);
  }

  /**
   * Stores new articles in a few batched statements (one per table, not one per article) inside the
   * caller's transaction; returns their ids and addresses in order.
   */
  public static List<StoredArticle> insertAll(
      Handle h, List<NewArticle> batch, NameIds names, Instant now) {
    if (batch.isEmpty()) {
      return List.of();
    }
    long nowMillis = now.toEpochMilli();
    List<StoredArticle> stored = new ArrayList<>(batch.size());
    boolean[] listed = new boolean[batch.size()];
    java.util.Set<String> joinedStories = new java.util.LinkedHashSet<>();
    java.util.Set<String> slugsTaken = new java.util.HashSet<>();
    List<String> ids = new ArrayList<>(batch.size());
    List<String> wanted = new ArrayList<>(batch.size());
    for (NewArticle in : batch) {
      String id = Ids.newId();
      ids.add(id);
      wanted.add(Slugs.of(in.headline(), "article-" + id.substring(24)));
    }
    slugsTaken.addAll(existingSlugs(h, wanted));
    try (BulkInsert articles =
        BulkInsert.into(
            h,
            "articles",
            """
            id, slug, section_id, source_id, headline, summary,
              body_html, language, direction, original_url, published_at, updated_at, status,
              source_guid, content_hash, version, simhash, story_id,
              image_url, image_caption, image_credit, listed, embargo_pending""")) {
      for (int i = 0; i < batch.size(); i++) {
        NewArticle in = batch.get(i);
        String id = ids.get(i);
        String slug = wanted.get(i);
        for (int n = 2; slugsTaken.contains(slug); n++) {
          slug = wanted.get(i) + "-" + n;
          if (!slugsTaken.contains(slug) && exists(h, "articles", slug)) {
            slugsTaken.add(slug);
          }
        }
        slugsTaken.add(slug);
        NewArticle.Provenance p = in.provenance();
        Image img = in.image();
        // Every article belongs to a story, its own unless it joined another partner's.
        String story = p == null || p.storyId() == null ? id : p.storyId();
        long publishedAt = in.publishedAt().toEpochMilli();
        if (story.equals(id)) {
          listed[i] = in.status() == ArticleStatus.PUBLISHED && publishedAt <= nowMillis;
        } else {
          joinedStories.add(story); // decided below, with the story's other versions
        }
        articles
            .add(id)
            .add(slug)
            .add(names.section(h, in.sectionSlug()))
            .add(in.sourceId())
            .add(in.headline())
            .add(in.summary())
            .add(in.bodyHtml())
            .add(in.language())
            .add(in.direction())
            .add(in.originalUrl())
            .add(in.publishedAt().toEpochMilli())
            .add(in.updatedAt().toEpochMilli())
            .add(in.status().dbValue())
            .add(p == null ? null : p.guid())
            .add(p == null ? null : p.contentHash())
            .add(p == null ? null : p.version())
            .add(p == null ? null : (Long) p.simhash())
            .add(story)
            .add(img == null ? null : img.url())
            .add(img == null ? null : img.caption())
            .add(img == null ? null : img.credit())
            .add(listed[i] ? 1 : 0)
            .add(StoryLeads.embargoed(in.status(), publishedAt, nowMillis) ? 1 : 0)
            .row();
        stored.add(new StoredArticle(id, slug));
      }
      articles.execute();
    }
    linkAuthorsAndTags(h, ids, batch, listed, names);
    StoryLeads.refresh(h, joinedStories, nowMillis);
    // The other versions of a story joined gain an "Also from" link.
    StatusChanges.recordWithStories(h, ids, joinedStories);
    return stored;
  }

  /** Which of these slugs are already in use. */
  private static List<String> existingSlugs(Handle h, List<String> slugs) {
    List<String> found = new ArrayList<>();
    for (int from = 0; from < slugs.size(); from += 500) {
      found.addAll(
          h.createQuery("SELECT slug FROM articles WHERE slug IN (<slugs>)")
              .bindList("slugs", slugs.subList(from, Math.min(slugs.size(), from + 500)))
              .mapTo(String.class)
              .list());
    }
    return found;
  }

  /**
   * Replaces what readers see of an article (a partner's correction), keeping the previous text as
   * a revision; status and address stay. Inside the caller's transaction.
   */
  public static void replaceContent(
      Handle h, String articleId, NewArticle in, NameIds names, Instant now) {
    h.createUpdate(
            """
            INSERT INTO article_revisions (id, article_id, headline, summary, body_html, version,
              updated_at, replaced_at)
            SELECT :rev, id, headline, summary, body_html, version, updated_at, :now
            FROM articles WHERE id = :id
            """)
        .bind("rev", Ids.newId())
        .bind("now", now.toEpochMilli())
        .bind("id", articleId)
        .execute();
    NewArticle.Provenance p = in.provenance();
    Image img = in.image();
    h.createUpdate(
            """
            UPDATE articles SET headline = :headline, summary = :summary, body_html = :body,
              language = :language, direction = :direction, original_url = :originalUrl,
              updated_at = :updatedAt, content_hash = :hash, version = :version,
              simhash = :simhash, image_url = :imageUrl, image_caption = :imageCaption,
              image_credit = :imageCredit
            WHERE id = :id
            """)
        .bind("headline", in.headline())
        .bind("summary", in.summary())
        .bind("body", in.bodyHtml())
        .bind("language", in.language())
        .bind("direction", in.direction())
        .bind("originalUrl", in.originalUrl())
        .bind("updatedAt", in.updatedAt().toEpochMilli())
        .bind("hash", p == null ? null : p.contentHash())
        .bind("version", p == null ? null : p.version())
        .bind("simhash", p == null ? null : p.simhash())
        .bind("imageUrl", img == null ? null : img.url())
        .bind("imageCaption", img == null ? null : img.caption())
        .bind("imageCredit", img == null ? null : img.credit())
        .bind("id", articleId)
        .execute();
    ArticlePictures.forgetUnlessFrom(h, articleId, img == null ? null : img.url());
    h.createUpdate("DELETE FROM article_authors WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    h.createUpdate("DELETE FROM article_tags WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    // The links carry the stored time and flag: a correction changes neither.
    var kept =
        h.createQuery("SELECT published_at, listed FROM articles WHERE id = :id")
            .bind("id", articleId)
            .map((rs, ctx) -> Map.entry(rs.getLong("published_at"), rs.getInt("listed") == 1))
            .one();
    linkAuthorsAndTags(
        h,
        List.of(articleId),
        List.of(in.withPublishedAt(Instant.ofEpochMilli(kept.getKey()))),
        new boolean[] {kept.getValue()},
        names);
    ContentChanges.record(h, articleId);
  }

  /** Author and tag links, each carrying its article's time and listed flag for the listings. */
  private static void linkAuthorsAndTags(
      Handle h, List<String> ids, List<NewArticle> batch, boolean[] listed, NameIds names) {
    try (BulkInsert authors =
            BulkInsert.into(
                h, "article_authors", "article_id, position, author_id, published_at, listed");
        BulkInsert tags =
            BulkInsert.into(h, "article_tags", "article_id, tag_id, published_at, listed")) {
      for (int i = 0; i < batch.size(); i++) {
        String id = ids.get(i);
        long publishedAt = batch.get(i).publishedAt().toEpochMilli();
        int flag = listed[i] ? 1 : 0;
        int position = 0;
        for (String name : batch.get(i).authorNames()) {
          authors
              .add(id)
              .add(position++)
              .add(names.author(h, name))
              .add(publishedAt)
              .add(flag)
              .row();
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : batch.get(i).tagNames()) {
          String tagId = names.tag(h, name);
          if (seen.add(tagId)) {
            tags.add(id).add(tagId).add(publishedAt).add(flag).row();
          }
        }
      }
      authors.execute();
      tags.execute();
    }
  }

  /** Sets an article's status (withdraw, expire, publish) and records the change. */
  public boolean setStatus(String articleId, ArticleStatus status) {
    return jdbi.inTransaction(
        h ->
            StatusChanges.setStatus(h, List.of(articleId), status, clock.instant().toEpochMilli())
                > 0);
  }

  /** Replaces headline and body (a partner's correction) and records the change. */
  public boolean updateText(String articleId, String headline, String bodyHtml, Instant updatedAt) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE articles SET headline = :headline, body_html = :body,"
                          + " updated_at = :updatedAt WHERE id = :id")
                  .bind("headline", headline)
                  .bind("body", bodyHtml)
                  .bind("updatedAt", updatedAt.toEpochMilli())
                  .bind("id", articleId)
                  .execute();
          if (n > 0) {
            ContentChanges.record(h, articleId);
          }
          return n > 0;
        });
  }

  /** The id and address of a stored article. */
  public record StoredArticle(String id, String slug) {}

  private static boolean exists(Handle h, String table, String slug) {
    return h.createQuery("SELECT count(*) FROM " + table + " WHERE slug = :slug")
            .bind("slug", slug)
            .mapTo(Integer.class)
            .one()
        > 0;
  }
}
