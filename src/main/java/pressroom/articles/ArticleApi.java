package pressroom.articles;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pressroom.web.PageException;

/**
 * The read API. Field names follow IPTC ninjs where one fits (uri, headline, byline, body_html,
 * description_text, versioncreated, firstcreated, subject, language). Full text is included only
 * for articles licensed as the site's own; partners' text stays on our pages, as licensed.
 */
public final class ArticleApi {
  private static final int PAGE_SIZE = 20;

  private final ArticleReads articles;
  private final Listings listings;
  private final Sections sections;
  private final String baseUrl;
  private final InstantSource clock;

  public ArticleApi(
      ArticleReads articles,
      Listings listings,
      Sections sections,
      String baseUrl,
      InstantSource clock) {
    this.clock = clock;
    this.articles = articles;
    this.listings = listings;
    this.sections = sections;
    this.baseUrl = baseUrl;
  }

  /**
   * One page of articles, newest first: {@code page} for the first pages, then {@code before} with
   * the previous answer's {@code next_cursor}, which costs the same at any depth.
   */
  public void list(Context ctx) {
    Window window =
        Window.of(
            ctx.queryParam("page"), ctx.queryParam("before"), ctx.queryParam("after"), PAGE_SIZE);
    Instant now = clock.instant();
    Listings.Listing listing;
    if (ctx.queryParam("section") != null) {
      listing =
          sections
              .sectionBySlug(ctx.queryParam("section"))
              .map(s -> (Listings.Listing) new Listings.Listing.InSection(s.id()))
              .orElse(null);
    } else if (ctx.queryParam("author") != null) {
      listing =
          listings
              .authorBySlug(ctx.queryParam("author"))
              .map(a -> (Listings.Listing) new Listings.Listing.ByAuthor(a.id()))
              .orElse(null);
    } else if (ctx.queryParam("tag") != null) {
      listing =
          listings
              .tagBySlug(ctx.queryParam("tag"))
              .map(t -> (Listings.Listing) new Listings.Listing.WithTag(t.id()))
              .orElse(null);
    } else {
      listing = new Listings.Listing.Latest();
    }
    List<ArticleSummary> rows =
        listing == null ? List.of() : listings.listing(listing, window, PAGE_SIZE + 1, now);
    boolean more = rows.size() > PAGE_SIZE;
    if (more) {
      // After a position the extra row is the oldest-but-one newer page's first; keep the page's
      // own.
      rows =
          window instanceof Window.After
              ? rows.subList(1, rows.size())
              : rows.subList(0, PAGE_SIZE);
    }
    boolean older = window instanceof Window.After || more;
    Map<String, Object> out = new LinkedHashMap<>();
    if (window instanceof Window.Numbered n) {
      out.put("page", n.offset() / PAGE_SIZE + 1);
    }
    out.put("items", rows.stream().map(this::summary).toList());
    String cursor = older && !rows.isEmpty() ? Window.Position.of(rows.getLast()).toString() : null;
    out.put("next_cursor", cursor);
    out.put(
        "next",
        cursor == null
            ? null
            : baseUrl + "/api/v1/articles?" + filterQuery(ctx) + "before=" + cursor);
    ctx.header("Cache-Control", "public, max-age=60");
    ctx.json(out);
  }

  /** The listing's filter as it was asked for, to carry into the next page's link. */
  private static String filterQuery(Context ctx) {
    for (String name : List.of("section", "author", "tag")) {
      String v = ctx.queryParam(name);
      if (v != null) {
        return name
            + "="
            + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)
            + "&";
      }
    }
    return "";
  }

  public void one(Context ctx) {
    Article a =
        articles
            .findPublishedById(ctx.pathParam("id"), clock.instant())
            .orElseThrow(
                () ->
                    new PageException(
                        404, "not_found", "There is no published article with this id."));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uri", "urn:pressroom:article:" + a.id());
    m.put("type", "text");
    m.put("pubstatus", "usable");
    m.put("url", baseUrl + "/articles/" + a.slug());
    m.put("headline", a.headline());
    m.put("byline", Bylines.text(a.authors().stream().map(Author::name).toList()));
    m.put(
        "authors",
        a.authors().stream()
            .map(au -> Map.of("name", au.name(), "url", baseUrl + "/authors/" + au.slug()))
            .toList());
    m.put("description_text", a.summary());
    if (a.seoPolicy() == SeoPolicy.OWN) {
      m.put("body_html", a.bodyHtml());
    }
    m.put("language", a.language());
    m.put("firstcreated", a.publishedAt().toString());
    m.put("versioncreated", a.updatedAt().toString());
    m.put("section", a.section().name());
    m.put("subject", a.tags().stream().map(t -> Map.of("name", t.name())).toList());
    if (a.source() != null) {
      m.put("copyrightholder", a.source().name());
      m.put("usageterms", a.source().attribution());
      m.put("original_url", a.originalUrl());
    }
    if (a.picture() != null) {
      m.put("associations", featureImage(a.picture()));
    }
    ctx.json(m);
  }

  /**
   * ninjs associations naming the lead picture as this site serves it (never the partner's
   * address), with every rendition.
   */
  private Map<String, Object> featureImage(Picture p) {
    Map<String, Object> renditions = new LinkedHashMap<>();
    for (int w : p.widths()) {
      renditions.put(
          "w" + w,
          Map.of(
              "href",
              baseUrl + Picture.path(p.id(), w),
              "width",
              w,
              "height",
              p.heightAt(w),
              "contenttype",
              "image/jpeg"));
    }
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("uri", baseUrl + p.largest());
    image.put("type", "picture");
    if (p.caption() != null) {
      image.put("description_text", p.caption());
    }
    if (p.credit() != null) {
      image.put("by", p.credit());
    }
    image.put("renditions", renditions);
    return Map.of("featureimage", image);
  }

  private Map<String, Object> summary(ArticleSummary a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uri", "urn:pressroom:article:" + a.id());
    m.put("id", a.id());
    m.put("url", baseUrl + "/articles/" + a.slug());
    m.put("headline", a.headline());
    m.put("byline", Bylines.text(a.authors().stream().map(Author::name).toList()));
    m.put("description_text", a.summary());
    m.put("section", a.section().name());
    m.put("language", a.language());
    m.put("firstcreated", a.publishedAt().toString());
    m.put("copyrightholder", a.sourceName());
    if (a.picture() != null) {
      m.put("associations", featureImage(a.picture()));
    }
    return m;
  }
}
