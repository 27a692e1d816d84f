package pressroom.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pressroom.articles.ArticleSummary;
import pressroom.articles.Listings;
import pressroom.articles.Sections;
import pressroom.articles.Sitemaps;
import pressroom.articles.Window;
import pressroom.text.UntrustedText;
import pressroom.web.PageException;

/**
 * Feeds out (RSS 2.0, Atom, JSON Feed 1.1) for the home page, each section, author and tag, and the
 * sitemaps with robots.txt. Feeds carry summaries, not full text: partners license their text to
 * this site, not onward.
 */
public final class FeedsOut {
  static final int ITEMS = 30;
  static final int SITEMAP_PAGE = 50_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter W3C =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

  private final Listings listings;
  private final Sections sections;
  private final Sitemaps sitemaps;
  private final String baseUrl;
  private final String siteName;
  private final InstantSource clock;

  public FeedsOut(
      Listings listings,
      Sections sections,
      Sitemaps sitemaps,
      String baseUrl,
      String siteName,
      InstantSource clock) {
    this.clock = clock;
    this.listings = listings;
    this.sections = sections;
    this.sitemaps = sitemaps;
    this.baseUrl = baseUrl;
    this.siteName = siteName;
  }

  /** What a feed lists: its title, page and newest articles. */
  private record Listing(String title, String page, List<ArticleSummary> items) {}

  private Listing listing(String kind, String slug) {
    Instant now = clock.instant();
    return switch (kind) {
      case "home" -> new Listing(siteName, "/", listings.latest(ITEMS, now));
      case "section" ->
          sections
              .sectionBySlug(slug)
              .map(
                  s ->
                      new Listing(
                          s.name() + " — " + siteName,
                          "/sections/" + slug,
                          listings.listing(
                              new Listings.Listing.InSection(s.id()), Window.FIRST, ITEMS, now)))
              .orElseThrow(PageException::notFound);
      case "author" ->
          listings
              .authorBySlug(slug)
              .map(
                  a ->
                      new Listing(
                          a.name() + " — " + siteName,
                          "/authors/" + slug,
                          listings.listing(
                              new Listings.Listing.ByAuthor(a.id()), Window.FIRST, ITEMS, now)))
              .orElseThrow(PageException::notFound);
      case "tag" ->
          listings
              .tagBySlug(slug)
              .map(
                  t ->
                      new Listing(
                          t.name() + " — " + siteName,
                          "/tags/" + slug,
                          listings.listing(
                              new Listings.Listing.WithTag(t.id()), Window.FIRST, ITEMS, now)))
              .orElseThrow(PageException::notFound);
      default -> throw PageException.notFound();
    };
  }

  /**
   * A section's feed at an address the section gave up moves with it, as its page does: true when
   * it answered with the redirect.
   */
  private boolean movedSection(Context ctx, String kind) {
    if (!"section".equals(kind)) {
      return false;
    }
    String slug = ctx.pathParam("slug");
    if (sections.sectionBySlug(slug).isPresent()) {
      return false;
    }
    return sections
        .currentSlugFor(slug)
        .map(
            to -> {
              String feed = ctx.path().substring(ctx.path().lastIndexOf('/'));
              ctx.redirect("/sections/" + to + feed, io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
              return true;
            })
        .orElse(false);
  }

  public void rss(Context ctx, String kind) {
    write(ctx, kind, "rss_2.0", "application/rss+xml; charset=utf-8");
  }

  public void atom(Context ctx, String kind) {
    write(ctx, kind, "atom_1.0", "application/atom+xml; charset=utf-8");
  }

  private void write(Context ctx, String kind, String type, String contentType) {
    if (movedSection(ctx, kind)) {
      return;
    }
    Listing l = listing(kind, ctx.pathParamMap().get("slug"));
    var feed = new SyndFeedImpl();
    feed.setFeedType(type);
    // Stored text is clean since it came through the doors, but a feed must not fail on a row
    // written before that or by hand: every text is cleaned again on the way out.
    feed.setTitle(UntrustedText.clean(l.title()));
    feed.setLink(baseUrl + l.page());
    feed.setUri(baseUrl + l.page());
    feed.setDescription(UntrustedText.clean("The newest articles on " + l.title()));
    feed.setLanguage("en");
    feed.setPublishedDate(
        Date.from(l.items().isEmpty() ? clock.instant() : l.items().get(0).publishedAt()));
    List<SyndEntry> entries = new ArrayList<>();
    for (ArticleSummary a : l.items()) {
      var e = new SyndEntryImpl();
      e.setTitle(UntrustedText.clean(a.headline()));
      e.setLink(baseUrl + "/articles/" + a.slug());
      e.setUri("urn:pressroom:article:" + a.id());
      e.setPublishedDate(Date.from(a.publishedAt()));
      e.setUpdatedDate(Date.from(a.publishedAt()));
      var authors = new ArrayList<com.rometools.rome.feed.synd.SyndPerson>();
      for (var au : a.authors()) {
        var p = new SyndPersonImpl();
        p.setName(UntrustedText.clean(au.name()));
        p.setUri(baseUrl + "/authors/" + au.slug());
        authors.add(p);
      }
      e.setAuthors(authors);
      var c = new SyndContentImpl();
      c.setType("text/plain");
      c.setValue(UntrustedText.clean(a.summary()));
      e.setDescription(c);
      var cat = new SyndCategoryImpl();
      cat.setName(UntrustedText.clean(a.section().name()));
      e.setCategories(List.of(cat));
      if (a.picture() != null) {
        // Our own rendition, never the partner's address; its size is not at hand (0: unknown).
        var picture = new SyndEnclosureImpl();
        picture.setUrl(baseUrl + a.picture().src(960));
        picture.setType("image/jpeg");
        picture.setLength(0);
        e.setEnclosures(List.of(picture));
      }
      entries.add(e);
    }
    feed.setEntries(entries);
    try {
      ctx.header("Cache-Control", "public, max-age=300");
      ctx.contentType(contentType).result(new SyndFeedOutput().outputString(feed));
    } catch (FeedException e) {
      throw new IllegalStateException(e);
    }
  }

  public void jsonFeed(Context ctx, String kind) throws Exception {
    if (movedSection(ctx, kind)) {
      return;
    }
    Listing l = listing(kind, ctx.pathParamMap().get("slug"));
    Map<String, Object> feed = new LinkedHashMap<>();
    feed.put("version", "https://jsonfeed.org/version/1.1");
    feed.put("title", l.title());
    feed.put("home_page_url", baseUrl + l.page());
    feed.put("feed_url", baseUrl + ctx.path());
    feed.put("language", "en");
    List<Map<String, Object>> items = new ArrayList<>();
    for (ArticleSummary a : l.items()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("id", "urn:pressroom:article:" + a.id());
      i.put("url", baseUrl + "/articles/" + a.slug());
      i.put("title", a.headline());
      i.put("summary", a.summary());
      i.put("content_text", a.summary());
      i.put("date_published", W3C.format(a.publishedAt()));
      i.put(
          "authors",
          a.authors().stream()
              .map(au -> Map.of("name", au.name(), "url", baseUrl + "/authors/" + au.slug()))
              .toList());
      i.put("language", a.language());
      i.put("tags", List.of(a.section().name()));
      if (a.picture() != null) {
        i.put("image", baseUrl + a.picture().src(960));
      }
      items.add(i);
    }
    feed.put("items", items);
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType("application/feed+json; charset=utf-8").result(JSON.writeValueAsString(feed));
  }

  // ---- sitemaps and robots

  public void robots(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8")
        .result(
            "User-agent: *\nAllow: /\nDisallow: /staff/\nDisallow: /api/\nDisallow: /profile\n\n"
                + "Sitemap: "
                + baseUrl
                + "/sitemap.xml\nSitemap: "
                + baseUrl
                + "/sitemaps/news.xml\n");
  }

  /**
   * One sitemap of articles per day (UTC) since the first, so each is one index range however large
   * the archive: numbered pages of 50,000 would make the last page walk every article.
   */
  public void sitemapIndex(Context ctx) {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    sb.append("<sitemap><loc>")
        .append(xml(baseUrl + "/sitemaps/pages.xml"))
        .append("</loc></sitemap>\n");
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    var first = sitemaps.firstPublished();
    if (first.isPresent()) {
      for (LocalDate d = today;
          !d.isBefore(LocalDate.ofInstant(first.get(), ZoneOffset.UTC));
          d = d.minusDays(1)) {
        sb.append("<sitemap><loc>")
            .append(xml(baseUrl + "/sitemaps/articles-" + d + ".xml"))
            .append("</loc></sitemap>\n");
      }
    }
    xmlResult(ctx, sb.append("</sitemapindex>\n"));
  }

  public void sitemapPages(Context ctx) {
    StringBuilder sb = urlset();
    url(sb, baseUrl + "/", null);
    for (var s : sections.sections()) {
      url(sb, baseUrl + "/sections/" + s.slug(), null);
    }
    xmlResult(ctx, sb.append("</urlset>\n"));
  }

  public void sitemapArticles(Context ctx) {
    LocalDate day;
    try {
      day = LocalDate.parse(ctx.pathParam("day"));
    } catch (java.time.format.DateTimeParseException e) {
      throw PageException.notFound();
    }
    // Only the days the sitemap index lists exist: none before the first article or after today.
    var first = sitemaps.firstPublished();
    if (first.isEmpty()
        || day.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
        || day.isBefore(LocalDate.ofInstant(first.get(), ZoneOffset.UTC))) {
      throw PageException.notFound();
    }
    Instant since = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    StringBuilder sb = urlset();
    for (var a :
        sitemaps.indexable(clock.instant(), since, since.plus(Duration.ofDays(1)), SITEMAP_PAGE)) {
      url(sb, baseUrl + "/articles/" + a.slug(), a.updatedAt());
    }
    xmlResult(ctx, sb.append("</urlset>\n"));
  }

  /** Google News sitemap: indexable articles of the last 48 hours, at most 1,000. */
  public void sitemapNews(Context ctx) {
    Instant now = clock.instant();
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
    for (var a : sitemaps.indexable(now, now.minusSeconds(48 * 3600), now.plusMillis(1), 1000)) {
      sb.append("<url><loc>")
          .append(xml(baseUrl + "/articles/" + a.slug()))
          .append("</loc><news:news><news:publication><news:name>")
          .append(xml(siteName))
          .append("</news:name><news:language>")
          .append(xml(a.language()))
          .append("</news:language></news:publication>")
          .append("<news:publication_date>")
          .append(W3C.format(a.publishedAt()))
          .append("</news:publication_date><news:title>")
          .append(xml(a.headline()))
          .append("</news:title></news:news></url>\n");
    }
    xmlResult(ctx, sb.append("</urlset>\n"));
  }

  private static StringBuilder urlset() {
    return new StringBuilder(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
  }

  private static void url(StringBuilder sb, String loc, Instant modified) {
    sb.append("<url><loc>").append(xml(loc)).append("</loc>");
    if (modified != null) {
      sb.append("<lastmod>").append(W3C.format(modified)).append("</lastmod>");
    }
    sb.append("</url>\n");
  }

  private static void xmlResult(Context ctx, StringBuilder sb) {
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType("application/xml; charset=utf-8").result(sb.toString());
  }

  private static String xml(String s) {
    return UntrustedText.clean(s)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
