package pressroom.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import pressroom.changes.ContentChanges;
import pressroom.db.Ids;
import pressroom.db.JdbcBatch;

/** The SQL for reading and writing articles and what hangs off them. */
public final class ArticleDao {
  private static final String SUMMARY_COLUMNS =
      """
      a.id, a.slug, a.headline, a.summary, a.language, a.direction, a.published_at,
      s.id AS section_id, s.slug AS section_slug, s.name AS section_name,
      s.description AS section_description, src.name AS source_name
      """;

  private static final String ARTICLE_SELECT =
      """
      SELECT a.*, s.slug AS section_slug, s.name AS section_name,
             s.description AS section_description,
             src.name AS source_name, src.home_url AS source_home_url,
             src.attribution AS source_attribution, src.seo_policy AS source_policy
      FROM articles a
      JOIN sections s ON s.id = a.section_id
      LEFT JOIN sources src ON src.id = a.source_id
      """;

  private final Jdbi jdbi;

  public ArticleDao(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  // ---- sections, authors, tags

  public List<Section> sections() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, slug, name, description FROM sections ORDER BY position, name")
                .map((rs, ctx) -> section(rs, ""))
                .list());
  }

  public Optional<Section> sectionBySlug(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, slug, name, description FROM sections WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> section(rs, ""))
                .findOne());
  }

  public Optional<Author> authorBySlug(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, slug, name FROM authors WHERE slug = :slug")
                .bind("slug", slug)
                .map(
                    (rs, ctx) ->
                        new Author(rs.getString("id"), rs.getString("slug"), rs.getString("name")))
                .findOne());
  }

  public Optional<Tag> tagBySlug(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, slug, name FROM tags WHERE slug = :slug")
                .bind("slug", slug)
                .map(
                    (rs, ctx) ->
                        new Tag(rs.getString("id"), rs.getString("slug"), rs.getString("name")))
                .findOne());
  }

  public String createSection(String slug, String name, String description, int position) {
    String id = Ids.newId();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO sections (id, slug, name, description, position)"
                        + " VALUES (:id, :slug, :name, :description, :position)")
                .bind("id", id)
                .bind("slug", slug)
                .bind("name", name)
                .bind("description", description)
                .bind("position", position)
                .execute());
    return id;
  }

  public String createSource(String name, String homeUrl, String attribution, SeoPolicy seoPolicy) {
    String id = Ids.newId();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO sources (id, name, home_url, attribution, seo_policy)"
                        + " VALUES (:id, :name, :homeUrl, :attribution, :policy)")
                .bind("id", id)
                .bind("name", name)
                .bind("homeUrl", homeUrl)
                .bind("attribution", attribution)
                .bind("policy", seoPolicy.dbValue())
                .execute());
    return id;
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
                      ARTICLE_SELECT
                          + "WHERE a.slug = :slug AND a.status = 'published' AND a.published_at <= :now")
                  .bind("slug", slug)
                  .bind("now", now.toEpochMilli())
                  .map((rs, ctx) -> article(rs))
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
                      ARTICLE_SELECT
                          + "WHERE a.status = 'published' AND a.published_at <= :now AND a.id > :after ORDER BY a.id LIMIT :limit")
                  .bind("now", now.toEpochMilli())
                  .bind("after", afterId == null ? "" : afterId)
                  .bind("limit", limit)
                  .map((rs, ctx) -> article(rs))
                  .list();
          return withAuthorsAndTags(h, rows);
        });
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

  private static Map<String, List<Tag>> tagsOf(Handle h, List<String> articleIds) {
    return byArticle(
        h,
        articleIds,
        """
        SELECT at.article_id, t.id, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.article_id IN (<ids>) ORDER BY at.article_id, t.name
        """,
        rs -> new Tag(rs.getString("id"), rs.getString("slug"), rs.getString("name")));
  }

  /**
   * Rows of {@code sql} (which selects article_id and binds the list {@code <ids>}) grouped by
   * article, in order.
   */
  private static <T> Map<String, List<T>> byArticle(
      Handle h, List<String> articleIds, String sql, Row<T> row) {
    Map<String, List<T>> byArticle = new LinkedHashMap<>();
    h.createQuery(sql)
        .bindList("ids", articleIds)
        .map(
            (rs, ctx) -> {
              byArticle
                  .computeIfAbsent(rs.getString("article_id"), k -> new ArrayList<>())
                  .add(row.of(rs));
              return null;
            })
        .forEach(x -> {});
    return byArticle;
  }

  @FunctionalInterface
  private interface Row<T> {
    T of(ResultSet rs) throws SQLException;
  }

  private Article withAuthorsAndTags(Handle h, Article a) {
    return a.with(
        authorsOf(h, List.of(a.id())).getOrDefault(a.id(), List.of()),
        tagsOf(h, List.of(a.id())).getOrDefault(a.id(), List.of()));
  }

  // ---- listings

  /**
   * What a listing holds, and how its SQL reads it: each kind walks one index in listing order
   * (articles_listed, articles_listed_by_section, article_authors_listed, article_tags_listed), so
   * a page costs the same at any depth and with any number of articles.
   */
  public sealed interface Listing {
    String from();

    String where();

    /** The listing's order: time, then id, both newest first. */
    String time();

    String id();

    Object filter();

    /** Every listed article, newest first. */
    record Latest() implements Listing {
      public String from() {
        return "articles a";
      }

      public String where() {
        return "a.listed = 1 AND a.published_at <= :now";
      }

      public String time() {
        return "a.published_at";
      }

      public String id() {
        return "a.id";
      }

      public Object filter() {
        return null;
      }
    }

    record InSection(String sectionId) implements Listing {
      public String from() {
        return "articles a";
      }

      public String where() {
        return "a.section_id = :filter AND a.listed = 1 AND a.published_at <= :now";
      }

      public String time() {
        return "a.published_at";
      }

      public String id() {
        return "a.id";
      }

      public Object filter() {
        return sectionId;
      }
    }

    record ByAuthor(String authorId) implements Listing {
      public String from() {
        return "article_authors l CROSS JOIN articles a";
      }

      public String where() {
        return "a.id = l.article_id AND l.author_id = :filter AND l.listed = 1 AND l.published_at <= :now";
      }

      public String time() {
        return "l.published_at";
      }

      public String id() {
        return "l.article_id";
      }

      public Object filter() {
        return authorId;
      }
    }

    record WithTag(String tagId) implements Listing {
      public String from() {
        return "article_tags l CROSS JOIN articles a";
      }

      public String where() {
        return "a.id = l.article_id AND l.tag_id = :filter AND l.listed = 1 AND l.published_at <= :now";
      }

      public String time() {
        return "l.published_at";
      }

      public String id() {
        return "l.article_id";
      }

      public Object filter() {
        return tagId;
      }
    }
  }

  /** The SQL of one page of a listing (exposed so a test can check every listing's plan). */
  public static String listingSql(Listing l, Window w) {
    String keyset =
        switch (w) {
          case Window.Numbered n -> "";
          // Spelled out rather than as a row value, (time, id) < (:t, :i): SQLite cannot use a
          // row value together with the filter's equality in one index range, and with
          // statistics that rate the filter poorly it would skip-scan and sort instead. The
          // upper bound is the listing's own `time <= :now`, bound to the earlier of the two
          // (see listing()): given two, SQLite ranges on one and filters by the other, and
          // took the wrong one, walking from today back to the position.
          case Window.Before b -> " AND (" + l.time() + " < :atTime OR " + l.id() + " < :atId)";
          case Window.After a ->
              " AND "
                  + l.time()
                  + " >= :atTime AND ("
                  + l.time()
                  + " > :atTime OR "
                  + l.id()
                  + " > :atId)";
        };
    String order = w instanceof Window.After ? "ASC" : "DESC";
    // CROSS JOIN: SQLite then keeps the listing's own table outermost, walking its index in
    // order, whatever its statistics say of the small tables (PostgreSQL treats it as a join).
    return "SELECT "
        + SUMMARY_COLUMNS
        + " FROM "
        + l.from()
        + " CROSS JOIN sections s LEFT JOIN sources src ON src.id = a.source_id"
        + " WHERE s.id = a.section_id AND "
        + l.where()
        + keyset
        + " ORDER BY "
        + l.time()
        + " "
        + order
        + ", "
        + l.id()
        + " "
        + order
        + " LIMIT :limit"
        + (w instanceof Window.Numbered ? " OFFSET :offset" : "");
  }

  /**
   * One page of a listing, newest first, with authors: {@code limit} articles at most (ask for one
   * more than a page to know whether another follows in the window's direction).
   */
  public List<ArticleSummary> listing(Listing l, Window w, int limit, Instant now) {
    return jdbi.withHandle(
        h -> {
          long upTo =
              w instanceof Window.Before b
                  ? Math.min(now.toEpochMilli(), b.position().publishedAt())
                  : now.toEpochMilli();
          Query q = h.createQuery(listingSql(l, w)).bind("now", upTo).bind("limit", limit);
          if (l.filter() != null) {
            q.bind("filter", l.filter());
          }
          switch (w) {
            case Window.Numbered n -> q.bind("offset", n.offset());
            case Window.Before b ->
                q.bind("atTime", b.position().publishedAt()).bind("atId", b.position().id());
            case Window.After a ->
                q.bind("atTime", a.position().publishedAt()).bind("atId", a.position().id());
          }
          List<ArticleSummary> rows = q.map((rs, ctx) -> summary(rs)).list();
          if (w instanceof Window.After) {
            rows = rows.reversed();
          }
          return withAuthors(h, rows);
        });
  }

  /** Newest published articles, one page of them (fetch one more to know if a next exists). */
  public List<ArticleSummary> latest(int limit, Instant now) {
    return listing(new Listing.Latest(), Window.FIRST, limit, now);
  }

  private List<ArticleSummary> withAuthors(Handle h, List<ArticleSummary> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<String, List<Author>> authors =
        authorsOf(h, rows.stream().map(ArticleSummary::id).toList());
    return rows.stream().map(r -> r.withAuthors(authors.getOrDefault(r.id(), List.of()))).toList();
  }

  private static Map<String, List<Author>> authorsOf(Handle h, List<String> articleIds) {
    return byArticle(
        h,
        articleIds,
        """
        SELECT aa.article_id, au.id, au.slug, au.name
        FROM article_authors aa JOIN authors au ON au.id = aa.author_id
        WHERE aa.article_id IN (<ids>) ORDER BY aa.article_id, aa.position
        """,
        rs -> new Author(rs.getString("id"), rs.getString("slug"), rs.getString("name")));
  }

  // ---- writes

  /**
   * Stores a new article with its authors and tags in one transaction and records the change so
   * every node drops cached pages.
   *
   * @throws IllegalArgumentException if the section does not exist
   */
  public StoredArticle insert(NewArticle in) {
    return jdbi.inTransaction(h -> insert(h, in, new NameIds()));
  }

  /**
   * Stores a new article inside the caller's transaction. {@code names} remembers author, tag and
   * section ids across calls (a bulk import passes one for a whole batch and drops it if the batch
   * rolls back).
   */
  public static StoredArticle insert(Handle h, NewArticle in, NameIds names) {
    return insertAll(h, List.of(in), names).get(0);
  }

  /**
   * Stores new articles in a few batched statements (one per table, not one per article) inside the
   * caller's transaction; returns their ids and addresses in order.
   */
  public static List<StoredArticle> insertAll(Handle h, List<NewArticle> batch, NameIds names) {
    if (batch.isEmpty()) {
      return List.of();
    }
    long now = System.currentTimeMillis();
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
    try (JdbcBatch articles =
        JdbcBatch.prepare(
            h,
            """
            INSERT INTO articles (id, slug, section_id, source_id, headline, summary,
              body_html, language, direction, original_url, published_at, updated_at, status,
              source_guid, content_hash, version, simhash, story_id,
              image_url, image_caption, image_credit, listed, embargo_pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
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
          listed[i] = in.status() == ArticleStatus.PUBLISHED && publishedAt <= now;
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
            .add(StoryLeads.embargoed(in.status(), publishedAt, now) ? 1 : 0)
            .row();
        stored.add(new StoredArticle(id, slug));
      }
      articles.execute();
    }
    linkAuthorsAndTags(h, ids, batch, listed, names);
    StoryLeads.refresh(h, joinedStories, now);
    ContentChanges.recordAll(h, ids);
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
  public static void replaceContent(Handle h, String articleId, NewArticle in, NameIds names) {
    h.createUpdate(
            """
            INSERT INTO article_revisions (id, article_id, headline, summary, body_html, version,
              updated_at, replaced_at)
            SELECT :rev, id, headline, summary, body_html, version, updated_at, :now
            FROM articles WHERE id = :id
            """)
        .bind("rev", Ids.newId())
        .bind("now", System.currentTimeMillis())
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
    try (JdbcBatch authors =
            JdbcBatch.prepare(
                h,
                "INSERT INTO article_authors (article_id, position, author_id, published_at, listed)"
                    + " VALUES (?, ?, ?, ?, ?)");
        JdbcBatch tags =
            JdbcBatch.prepare(
                h,
                "INSERT INTO article_tags (article_id, tag_id, published_at, listed) VALUES (?, ?, ?, ?)")) {
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

  /** Ids of sections, authors and tags by slug, remembered for the life of one batch. */
  public static final class NameIds {
    private final Map<String, String> ids = new java.util.HashMap<>();

    String section(Handle h, String slug) {
      return ids.computeIfAbsent(
          "s:" + slug,
          k ->
              h.createQuery("SELECT id FROM sections WHERE slug = :slug")
                  .bind("slug", slug)
                  .mapTo(String.class)
                  .findOne()
                  .orElseThrow(() -> new IllegalArgumentException("no section '" + slug + "'")));
    }

    String author(Handle h, String name) {
      return named(h, "authors", "author", name);
    }

    String tag(Handle h, String name) {
      return named(h, "tags", "tag", name);
    }

    /**
     * The id of the author or tag with this name, created if new. By name first: the same bylines
     * and tags recur all through a batch, and slugging is not free.
     */
    private String named(Handle h, String table, String kind, String name) {
      String byName = kind + " name:" + name;
      String id = ids.get(byName);
      if (id == null) {
        String slug = Slugs.of(name, kind + "-" + Integer.toHexString(name.hashCode()));
        id = ids.computeIfAbsent(kind + " slug:" + slug, k -> upsertNamed(h, table, slug, name));
        ids.put(byName, id);
      }
      return id;
    }
  }

  /** Sets an article's status (withdraw, expire, publish) and records the change. */
  public boolean setStatus(String articleId, ArticleStatus status) {
    return jdbi.inTransaction(
        h -> {
          long now = System.currentTimeMillis();
          int n =
              h.createUpdate(
                      "UPDATE articles SET status = :status, updated_at = :now WHERE id = :id")
                  .bind("status", status.dbValue())
                  .bind("now", now)
                  .bind("id", articleId)
                  .execute();
          if (n > 0) {
            StoryLeads.refresh(h, StoryLeads.storiesOf(h, List.of(articleId)), now);
            ContentChanges.record(h, articleId);
          }
          return n > 0;
        });
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

  /** The same story as told by other partners: published versions other than {@code a}. */
  public List<AlsoFrom> alsoFrom(Article a, Instant now) {
    if (a.storyId() == null) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.slug, a.headline, src.name AS source_name
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
                            rs.getString("slug"),
                            rs.getString("headline"),
                            rs.getString("source_name")))
                .list());
  }

  /** A related article: shares tags with this one, from another story. */
  public record Related(String slug, String headline, String sectionName) {}

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
        SELECT o.slug, o.headline, s.name AS section_name
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
                          rs.getString("slug"),
                          rs.getString("headline"),
                          rs.getString("section_name")))
              .list();
        });
  }

  /** A link to another partner's version of the same story. */
  public record AlsoFrom(String slug, String headline, String sourceName) {}

  /** The id and address of a stored article. */
  public record StoredArticle(String id, String slug) {}

  private static boolean exists(Handle h, String table, String slug) {
    return h.createQuery("SELECT count(*) FROM " + table + " WHERE slug = :slug")
            .bind("slug", slug)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Id of the author or tag with this slug, creating it if new (safe under concurrency). */
  private static String upsertNamed(Handle h, String table, String slug, String name) {
    h.createUpdate(
            "INSERT INTO "
                + table
                + " (id, slug, name) VALUES (:id, :slug, :name)"
                + " ON CONFLICT (slug) DO NOTHING")
        .bind("id", Ids.newId())
        .bind("slug", slug)
        .bind("name", name)
        .execute();
    return h.createQuery("SELECT id FROM " + table + " WHERE slug = :slug")
        .bind("slug", slug)
        .mapTo(String.class)
        .one();
  }

  // ---- row mapping

  private static Section section(ResultSet rs, String prefix) throws SQLException {
    return new Section(
        rs.getString(prefix.isEmpty() ? "id" : prefix + "id"),
        rs.getString(prefix + "slug"),
        rs.getString(prefix + "name"),
        rs.getString(prefix + "description"));
  }

  private static ArticleSummary summary(ResultSet rs) throws SQLException {
    return new ArticleSummary(
        rs.getString("id"),
        rs.getString("slug"),
        rs.getString("headline"),
        rs.getString("summary"),
        section(rs, "section_"),
        List.of(),
        rs.getString("source_name"),
        rs.getString("language"),
        rs.getString("direction"),
        Instant.ofEpochMilli(rs.getLong("published_at")));
  }

  private static Article article(ResultSet rs) throws SQLException {
    String sourceId = rs.getString("source_id");
    Source source =
        sourceId == null
            ? null
            : new Source(
                sourceId,
                rs.getString("source_name"),
                rs.getString("source_home_url"),
                rs.getString("source_attribution"),
                SeoPolicy.fromDb(rs.getString("source_policy")));
    return new Article(
        rs.getString("id"),
        rs.getString("slug"),
        section(rs, "section_"),
        source,
        rs.getString("headline"),
        rs.getString("summary"),
        List.of(),
        rs.getString("body_html"),
        rs.getString("language"),
        rs.getString("direction"),
        rs.getString("original_url"),
        Instant.ofEpochMilli(rs.getLong("published_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        List.of(),
        ArticleStatus.fromDb(rs.getString("status")),
        rs.getString("image_url") == null
            ? null
            : new Image(
                rs.getString("image_url"),
                rs.getString("image_caption"),
                rs.getString("image_credit")),
        rs.getString("story_id"));
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
                        ARTICLE_SELECT
                            + "WHERE a.id IN (<ids>) AND a.status = 'published' AND a.published_at <= :now")
                    .bindList("ids", List.copyOf(ids))
                    .bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> article(rs))
                    .list()));
  }

  /** The articles with their authors and tags, two queries for all of them. */
  private static List<Article> withAuthorsAndTags(Handle h, List<Article> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    List<String> ids = rows.stream().map(Article::id).toList();
    Map<String, List<Author>> authors = authorsOf(h, ids);
    Map<String, List<Tag>> tags = tagsOf(h, ids);
    return rows.stream()
        .map(
            a ->
                a.with(
                    authors.getOrDefault(a.id(), List.of()), tags.getOrDefault(a.id(), List.of())))
        .toList();
  }
}
