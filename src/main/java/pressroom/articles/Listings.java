package pressroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Listing pages (home, section, author, tag): one index walk a page, at any depth, and the authors
 * and tags they are filtered by.
 */
public final class Listings {
  private final Jdbi jdbi;

  public Listings(Jdbi jdbi) {
    this.jdbi = jdbi;
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
        + ArticleRows.SUMMARY_COLUMNS
        + " FROM "
        + l.from()
        + " CROSS JOIN sections s LEFT JOIN sources src ON src.id = a.source_id"
        + ArticleRows.PICTURE_JOIN
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
          List<ArticleSummary> rows = q.map((rs, ctx) -> ArticleRows.summary(rs)).list();
          if (w instanceof Window.After) {
            rows = rows.reversed();
          }
          return ArticleRows.withAuthors(h, rows);
        });
  }

  /** Newest published articles, one page of them (fetch one more to know if a next exists). */
  public List<ArticleSummary> latest(int limit, Instant now) {
    return listing(new Listing.Latest(), Window.FIRST, limit, now);
  }
}
