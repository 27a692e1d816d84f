package pressroom.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pressroom.articles.Article;
import pressroom.articles.Tag;
import pressroom.web.Head;
import pressroom.web.Head.MetaTag;

/**
 * What an article page tells search engines and link previews: title, canonical and robots as the
 * partner's licence asks, Open Graph and JSON-LD.
 */
final class ArticleHead {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;

  ArticleHead(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Title, canonical and robots per the partner's licence, Open Graph and JSON-LD. */
  Head of(Article a, String siteName) {
    String self = baseUrl + "/articles/" + a.slug();
    String canonical = self;
    String robots = null;
    switch (a.seoPolicy()) {
      case CANONICAL -> canonical = a.originalUrl() != null ? a.originalUrl() : self;
      case NOINDEX -> robots = "noindex,follow";
      case OWN -> {}
    }
    String description = a.summary().isBlank() ? a.headline() : a.summary();
    List<MetaTag> meta = new ArrayList<>();
    meta.add(MetaTag.property("og:type", "article"));
    meta.add(MetaTag.property("og:title", a.headline()));
    meta.add(MetaTag.property("og:description", description));
    meta.add(MetaTag.property("og:url", self));
    meta.add(MetaTag.property("og:site_name", siteName));
    meta.add(MetaTag.property("article:published_time", a.publishedAt().toString()));
    meta.add(MetaTag.property("article:modified_time", a.updatedAt().toString()));
    meta.add(MetaTag.property("article:section", a.section().name()));
    for (Tag t : a.tags()) {
      meta.add(MetaTag.property("article:tag", t.name()));
    }
    // Our own stored picture, never the partner's address.
    if (a.picture() != null) {
      meta.add(MetaTag.property("og:image", baseUrl + a.picture().largest()));
      meta.add(MetaTag.property("og:image:width", String.valueOf(a.picture().width())));
      meta.add(MetaTag.property("og:image:height", String.valueOf(a.picture().height())));
    } else {
      meta.add(MetaTag.property("og:image", baseUrl + "/static/og-default.png"));
      meta.add(MetaTag.property("og:image:width", "1200"));
      meta.add(MetaTag.property("og:image:height", "630"));
    }
    meta.add(MetaTag.name("twitter:card", "summary_large_image"));
    meta.add(MetaTag.name("twitter:title", a.headline()));
    meta.add(MetaTag.name("twitter:description", description));
    return new Head(
        a.headline() + " — " + siteName,
        description,
        canonical,
        robots,
        meta,
        jsonLd(a, self, siteName));
  }

  private String jsonLd(Article a, String self, String siteName) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "NewsArticle");
    ld.put("headline", a.headline());
    ld.put("description", a.summary());
    ld.put("url", self);
    ld.put("mainEntityOfPage", self);
    ld.put("inLanguage", a.language());
    ld.put("articleSection", a.section().name());
    ld.put("datePublished", a.publishedAt().toString());
    ld.put("dateModified", a.updatedAt().toString());
    if (a.picture() != null) {
      ld.put("image", baseUrl + a.picture().largest());
    }
    ld.put(
        "author",
        a.authors().stream()
            .map(
                au -> {
                  Map<String, Object> p = new LinkedHashMap<>();
                  p.put("@type", "Person");
                  p.put("name", au.name());
                  p.put("url", baseUrl + "/authors/" + au.slug());
                  return p;
                })
            .toList());
    ld.put("publisher", Map.of("@type", "Organization", "name", siteName, "url", baseUrl + "/"));
    if (a.source() != null) {
      Map<String, Object> org = new LinkedHashMap<>();
      org.put("@type", "Organization");
      org.put("name", a.source().name());
      if (a.source().homeUrl() != null) {
        org.put("url", a.source().homeUrl());
      }
      ld.put("sourceOrganization", org);
    }
    if (a.originalUrl() != null) {
      ld.put("isBasedOn", a.originalUrl());
    }
    if (!a.tags().isEmpty()) {
      ld.put("keywords", a.tags().stream().map(Tag::name).toList());
    }
    try {
      // Inside <script>, "</" would end the block: escape every angle bracket and ampersand.
      return JSON.writeValueAsString(ld)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
