package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import pressroom.testing.Eventually;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

/** The reader site over HTTP, against a real database; one subclass per database. */
@RunningSite
abstract class ReaderSiteContract implements RunningSite.OnDatabase {
  TestApp site;
  Fixtures f;

  Document page(String path) {
    HttpResponse<String> r = site.get(path);
    assertThat(r.statusCode()).as("status of " + path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html").contains("utf-8"));
    return Jsoup.parse(r.body(), TestApp.BASE_URL);
  }

  @Test
  void articlePageShowsTheBriefsOrderSectionHeadlineBylineAttributionDatesBody() {
    Document d = page("/articles/" + f.wire.slug());
    Element story = d.selectFirst("article.story");
    assertThat(story).isNotNull();
    List<String> order =
        story.select(".kicker, h1, .byline, .attribution, .dateline, .story-body p").stream()
            .map(e -> e.className().isEmpty() ? e.tagName() : e.className())
            .distinct()
            .toList();
    assertThat(order).containsExactly("kicker", "h1", "byline", "attribution", "dateline", "p");
    assertThat(story.selectFirst(".kicker").text()).isEqualTo("Syndicated News");
    assertThat(story.selectFirst("h1").text())
        .isEqualTo("Harbour cranes return to work after the long dispute");
    Element byline = story.selectFirst(".byline");
    assertThat(byline.text()).isEqualTo("By Jane Roe, Ali Hassan and Mary O. Doe");
    assertThat(byline.select("a").eachAttr("href"))
        .containsExactly("/authors/jane-roe", "/authors/ali-hassan", "/authors/mary-o-doe");
    Element attribution = story.selectFirst(".attribution");
    assertThat(attribution.text()).startsWith("From Test Wire");
    assertThat(attribution.select("a.original").attr("href")).isEqualTo(Fixtures.WIRE_ORIGINAL);
    assertThat(story.select(".dateline time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(story.select(".story-body p")).hasSize(3);
    assertThat(story.select(".story-body").text())
        .contains("Diyarbakır", "“we are back”", " — ", "port’s", "‘a fresh start’");
    assertThat(story.select(".licence").text())
        .isEqualTo("Republished under licence from Test Wire.");
    assertThat(story.select(".tags a").eachText()).containsExactly("Labour", "Ports");
    // Honest places for what later capabilities bring; nothing faked.
    assertThat(d.select("#comments, #bookmark-share, #sign-in")).hasSize(3);
  }

  @Test
  void relatedArticlesShareTagsAndNeverRepeatTheArticle() {
    Document d = page("/articles/" + f.wire.slug());
    assertThat(d.select(".related a").eachText())
        .containsExactly("Mountain village switches on its solar microgrid");
    assertThat(page("/articles/" + f.noindex.slug()).select(".related")).isEmpty();
  }

  @Test
  void partnersSearchEnginePolicyDecidesCanonicalAndRobots() {
    Document canonical = page("/articles/" + f.wire.slug());
    assertThat(canonical.select("link[rel=canonical]").attr("href"))
        .isEqualTo(Fixtures.WIRE_ORIGINAL);
    assertThat(canonical.select("meta[name=robots]")).isEmpty();

    Document noindex = page("/articles/" + f.noindex.slug());
    assertThat(noindex.select("meta[name=robots]").attr("content")).isEqualTo("noindex,follow");
    assertThat(noindex.select("link[rel=canonical]").attr("href"))
        .isEqualTo(TestApp.BASE_URL + "/articles/" + f.noindex.slug());
    assertThat(noindex.select(".attribution a.original").attr("href"))
        .isEqualTo("https://quiet.example/water-rules");

    Document own = page("/articles/" + f.own.slug());
    assertThat(own.select("meta[name=robots]")).isEmpty();
    assertThat(own.select("link[rel=canonical]").attr("href"))
        .isEqualTo(TestApp.BASE_URL + "/articles/" + f.own.slug());
    assertThat(own.select(".attribution").text()).startsWith("From Open Cooperative");
  }

  @Test
  void articleCarriesNewsArticleJsonLdAndSocialTags() throws IOException {
    Document d = page("/articles/" + f.wire.slug());
    JsonNode ld =
        new ObjectMapper().readTree(d.selectFirst("script[type=application/ld+json]").data());
    assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
    assertThat(ld.get("headline").asText())
        .isEqualTo("Harbour cranes return to work after the long dispute");
    assertThat(ld.get("author").findValuesAsText("name"))
        .containsExactly("Jane Roe", "Ali Hassan", "Mary O. Doe");
    assertThat(ld.get("isBasedOn").asText()).isEqualTo(Fixtures.WIRE_ORIGINAL);
    assertThat(ld.get("sourceOrganization").get("name").asText()).isEqualTo("Test Wire");
    assertThat(ld.get("publisher").get("name").asText()).isEqualTo("Pressroom");
    assertThat(Instant.parse(ld.get("datePublished").asText())).isBefore(Instant.now());
    assertThat(ld.has("dateModified")).isTrue();
    assertThat(d.select("meta[property=og:title]").attr("content"))
        .isEqualTo("Harbour cranes return to work after the long dispute");
    assertThat(d.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(d.select("meta[property=og:url]").attr("content"))
        .isEqualTo(TestApp.BASE_URL + "/articles/" + f.wire.slug());
    assertThat(d.select("meta[name=twitter:card]").attr("content")).isNotBlank();
  }

  @Test
  void rightToLeftArticleSetsLangAndDirOnItsText() {
    Document d = page("/articles/" + f.arabic.slug());
    Element h1 = d.selectFirst("article h1");
    assertThat(h1.attr("lang")).isEqualTo("ar");
    assertThat(h1.attr("dir")).isEqualTo("rtl");
    assertThat(d.selectFirst(".story-body").attr("dir")).isEqualTo("rtl");
    assertThat(d.selectFirst(".byline").text()).isEqualTo("By سلمى الحكيم");
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo("en");
  }

  @Test
  void homeLeadsWithTheTopStoriesOnceEachButNeverHiddenArticles() {
    Document d = page("/");
    assertThat(d.select(".latest .item-title").eachText())
        .containsExactly(
            "Harbour cranes return to work after the long dispute",
            "Quiet valley votes on new water rules",
            "Mountain village switches on its solar microgrid",
            "افتتاح مكتبة جديدة في المدينة القديمة");
    // All four are top stories, so no section block repeats them.
    assertThat(d.select(".section-block")).isEmpty();
    assertThat(d.select(".item-title a").eachAttr("href")).doesNotHaveDuplicates();
    assertThat(d.select("nav[aria-label=Sections] a").eachText())
        .containsExactly("Syndicated News", "World");
    assertThat(d.text()).doesNotContain("Withdrawn story", "Draft story", "Embargoed report");
  }

  @Test
  void sectionAuthorAndTagPagesListTheirArticles() {
    Document section = page("/sections/syndicated-news");
    assertThat(section.selectFirst("h1").text()).isEqualTo("Syndicated News");
    assertThat(section.select(".item-title").eachText())
        .containsExactly(
            "Harbour cranes return to work after the long dispute",
            "Quiet valley votes on new water rules");
    assertThat(section.select("nav a[aria-current=page]").text()).isEqualTo("Syndicated News");

    Document author = page("/authors/jane-roe");
    assertThat(author.selectFirst("h1").text()).isEqualTo("Jane Roe");
    assertThat(author.select(".item-title").eachText())
        .containsExactly("Harbour cranes return to work after the long dispute");

    Document nonAscii = page("/authors/rebaz-sexani");
    assertThat(nonAscii.selectFirst("h1").text()).isEqualTo("Rêbaz Şêxanî");

    Document tag = page("/tags/ports");
    assertThat(tag.select(".item-title").eachText())
        .containsExactly(
            "Harbour cranes return to work after the long dispute",
            "Mountain village switches on its solar microgrid");
  }

  @Test
  void withdrawnArticlesAnswer410WithANotice() {
    HttpResponse<String> r = site.get("/articles/" + f.withdrawn.slug());
    assertThat(r.statusCode()).isEqualTo(410);
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("h1").text()).isEqualTo("Article withdrawn");
    assertThat(d.text()).contains("withdrawn by its publisher");
    assertThat(d.text()).doesNotContain("Withdrawn story about a ferry timetable");
  }

  @Test
  void draftEmbargoedAndUnknownArticlesAnswer404WithTheSiteFrame() {
    for (String slug : List.of(f.draft.slug(), f.embargoed.slug(), "no-such-story")) {
      HttpResponse<String> r = site.get("/articles/" + slug);
      assertThat(r.statusCode()).as(slug).isEqualTo(404);
      Document d = Jsoup.parse(r.body());
      assertThat(d.selectFirst("h1").text()).isEqualTo("Page not found");
      assertThat(d.select("nav[aria-label=Sections] a").eachText()).contains("Syndicated News");
    }
    assertThat(site.get("/sections/nowhere").statusCode()).isEqualTo(404);
    assertThat(site.get("/no/such/page").statusCode()).isEqualTo(404);
  }

  @Test
  void badPageNumberIsA400NamingTheProblem() {
    HttpResponse<String> r = site.get("/sections/world?page=abc");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(r.body()).text()).contains("page number “abc” is not valid");
    assertThat(site.get("/sections/world?page=0").statusCode()).isEqualTo(400);
    assertThat(site.get("/sections/world?page=9").statusCode()).isEqualTo(404);
  }

  @Test
  void articlePagesRevalidateWithEtagAndLastModifiedAndCompress() throws IOException {
    String path = "/articles/" + f.own.slug();
    HttpResponse<String> first = site.get(path);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(site.get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(site.get(path, "If-None-Match", etag).body()).isEmpty();
    assertThat(site.get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    assertThat(site.get(path, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);

    HttpResponse<byte[]> gz = site.getBytes(path, "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String unzipped;
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
      unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(unzipped).isEqualTo(first.body());
    assertThat(gz.body().length).isLessThan(first.body().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void aChangedArticleIsServedFreshWithinASecond() throws InterruptedException {
    var dao = site.app().articles();
    var s =
        dao.insert(
            Fixtures.story(
                "Ferry timetable changes for winter",
                "<p>First version.</p>",
                Instant.now().minus(1, ChronoUnit.MINUTES)));
    String path = "/articles/" + s.slug();
    assertThat(site.get(path).body()).contains("First version.");
    assertThat(site.get("/sections/world").body()).contains("Ferry timetable changes for winter");

    dao.updateText(
        s.id(), "Ferry timetable changes for winter", "<p>Corrected version.</p>", Instant.now());
    Eventually.until(
        "the corrected text is served", () -> site.get(path).body().contains("Corrected version."));

    dao.setStatus(s.id(), ArticleStatus.WITHDRAWN);
    Eventually.until("the withdrawn article answers 410", () -> site.get(path).statusCode() == 410);
    assertThat(site.get("/sections/world").body())
        .doesNotContain("Ferry timetable changes for winter");
  }

  @Test
  void aCachedPageIsServedExactlyAsItWasFirstRendered() {
    String path = "/tags/energy";
    HttpResponse<String> rendered = site.get(path);
    HttpResponse<String> cached = site.get(path);
    assertThat(cached.statusCode()).isEqualTo(200);
    assertThat(cached.body()).isEqualTo(rendered.body());
    for (String header :
        List.of(
            "Content-Type",
            "ETag",
            "Last-Modified",
            "Cache-Control",
            "Vary",
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "X-Frame-Options")) {
      assertThat(cached.headers().firstValue(header))
          .as(header)
          .isPresent()
          .isEqualTo(rendered.headers().firstValue(header));
    }
    String metrics = admin().get("/metrics").body();
    assertThat(metrics)
        .containsPattern("cache_gets_total\\{cache=\"pages\",result=\"hit\"\\} [1-9]");
  }

  @Test
  void everyPageCarriesAStrictContentSecurityPolicy() {
    for (String path : List.of("/", "/articles/" + f.wire.slug(), "/no-such-page")) {
      String csp = site.get(path).headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }
  }

  @Test
  void healthAndMetrics() {
    HttpResponse<String> health = site.get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"database\":\"ok\"");
    site.get("/articles/" + f.wire.slug());
    // Issue 12.15: the metrics are for admins (or a management port), not for anyone.
    assertThat(site.get("/metrics").statusCode()).isEqualTo(403);
    String metrics = admin().get("/metrics").body();
    assertThat(metrics)
        .contains("jvm_memory_used_bytes")
        .contains("cache_gets_total{cache=\"pages\"");
  }

  private TestApp.Visitor admin() {
    String id = "siteadmin" + System.nanoTime() % 100_000;
    return site.signedInNewAccount(id, "correct horse battery", pressroom.web.Access.Role.ADMIN);
  }

  @Test
  void staticAssetsAreServed() {
    HttpResponse<String> css = site.get("/static/site.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains("prefers-color-scheme: dark").contains("@media print");
  }

  /**
   * Issue 12.4: text XML cannot carry never breaks a feed: stripped at the door, and a row written
   * around the doors (by hand, or before this version) still gives well-formed feeds.
   */
  @Test
  void charactersXmlCannotCarryNeverBreakAFeed() throws Exception {
    String bad =
        db() == TestApp.Db.SQLITE
            ? "\u0000\u0001"
            : "\u0001\u001f"; // PostgreSQL refuses U+0000 itself
    var doorway =
        site.insert(
            pressroom.testing.Fixtures.article(
                "world",
                null,
                "Door" + bad + "way \u202Eheadline",
                List.of("Ann" + bad + " Writer"),
                "<p>Body" + bad + "</p>",
                "en",
                "ltr",
                null,
                Instant.now().minusSeconds(5),
                List.of("tag" + bad),
                ArticleStatus.PUBLISHED));
    assertThat(
            site.sqlOne(String.class, "SELECT headline FROM articles WHERE id = ?", doorway.id()))
        .isEqualTo("Doorway headline");
    var around =
        site.insert(
            Fixtures.story(
                "Written around the doors", "<p>Kept.</p>", Instant.now().minusSeconds(4)));
    site.app()
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE articles SET headline = :h, summary = :h WHERE id = :id")
                    .bind("h", "Around" + bad + " the doors")
                    .bind("id", around.id())
                    .execute());
    site.app()
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE sections SET name = :n WHERE slug = 'world'")
                    .bind("n", "World" + bad)
                    .execute());
    try {
      for (String path :
          List.of(
              "/rss.xml",
              "/atom.xml",
              "/sections/world/rss.xml",
              "/sections/world/atom.xml",
              "/sitemaps/news.xml",
              "/articles/" + around.slug() + "/comments.rss")) {
        HttpResponse<String> r = site.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    r.body().getBytes(StandardCharsets.UTF_8))); // well-formed, or this throws
        assertThat(r.body()).as(path).doesNotContain("\u0001");
      }
      assertThat(site.get("/rss.xml").body())
          .contains("Around the doors")
          .contains("Doorway headline");
    } finally {
      site.app()
          .database()
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate("UPDATE sections SET name = 'World' WHERE slug = 'world'")
                      .execute());
    }
  }
}
