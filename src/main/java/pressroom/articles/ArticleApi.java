package pressroom.articles;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pressroom.web.PageException;
import pressroom.web.PageNumbers;

/**
 * The read API. Field names follow IPTC ninjs where one fits (uri, headline, byline, body_html,
 * description_text, versioncreated, firstcreated, subject, language). Full text is included only
 * for articles licensed as the site's own; partners' text stays on our pages, as licensed.
 */
public final class ArticleApi {
  private static final int PAGE_SIZE = 20;

  private final ArticleDao dao;
  private final String baseUrl;

  public ArticleApi(ArticleDao dao, String baseUrl) {
    this.dao = dao;
    this.baseUrl = baseUrl;
  }

  public void list(Context ctx) {
    int page = PageNumbers.parse(ctx.queryParam("page"), 10_000);
    Instant now = Instant.now();
    int offset = (page - 1) * PAGE_SIZE;
    List<ArticleSummary> rows;
    if (ctx.queryParam("section") != null) {
      rows = dao.sectionBySlug(ctx.queryParam("section")).map(s -> dao.inSection(s.id(), PAGE_SIZE, offset, now)).orElse(List.of());
    } else if (ctx.queryParam("author") != null) {
      rows = dao.authorBySlug(ctx.queryParam("author")).map(a -> dao.byAuthor(a.id(), PAGE_SIZE, offset, now)).orElse(List.of());
    } else if (ctx.queryParam("tag") != null) {
      rows = dao.tagBySlug(ctx.queryParam("tag")).map(t -> dao.withTag(t.id(), PAGE_SIZE, offset, now)).orElse(List.of());
    } else {
      rows = dao.latest(PAGE_SIZE, offset, now);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("page", page);
    out.put("items", rows.stream().map(this::summary).toList());
    ctx.header("Cache-Control", "public, max-age=60");
    ctx.json(out);
  }

  public void one(Context ctx) {
    Article a = dao.findPublishedById(ctx.pathParam("id"), Instant.now()).orElseThrow(() -> new PageException(404, "not_found", "There is no published article with this id."));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uri", "urn:pressroom:article:" + a.id());
    m.put("type", "text");
    m.put("pubstatus", "usable");
    m.put("url", baseUrl + "/articles/" + a.slug());
    m.put("headline", a.headline());
    m.put("byline", Bylines.text(a.authors().stream().map(Author::name).toList()));
    m.put("authors", a.authors().stream().map(au -> Map.of("name", au.name(), "url", baseUrl + "/authors/" + au.slug())).toList());
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
    ctx.json(m);
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
    return m;
  }
}
