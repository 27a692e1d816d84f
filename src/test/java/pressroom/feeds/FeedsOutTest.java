package pressroom.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

/** Feeds out and sitemaps, read back with a feed library and an XML parser. */
@RunningSite
class FeedsOutTest {
  TestApp site;
  Fixtures f;

  SyndFeed feed(String path) throws Exception {
    HttpResponse<String> r = site.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return new SyndFeedInput().build(new StringReader(r.body()));
  }

  Document xml(String path) throws Exception {
    HttpResponse<String> r = site.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(r.body())));
  }

  static final List<String> LISTED =
      List.of(
          "Harbour cranes return to work after the long dispute",
              "Quiet valley votes on new water rules",
          "Mountain village switches on its solar microgrid",
              "افتتاح مكتبة جديدة في المدينة القديمة");

  @Test
  void rssAndAtomForTheSiteSectionsAuthorsAndTags() throws Exception {
    for (String path : List.of("/rss.xml", "/atom.xml")) {
      SyndFeed feed = feed(path);
      assertThat(feed.getEntries())
          .extracting(SyndEntry::getTitle)
          .containsExactlyElementsOf(LISTED);
      SyndEntry first = feed.getEntries().get(0);
      assertThat(first.getLink()).isEqualTo(TestApp.BASE_URL + "/articles/" + f.wire.slug());
      assertThat(first.getPublishedDate()).isNotNull();
    }
    assertThat(feed("/atom.xml").getEntries().get(0).getAuthors())
        .extracting(p -> p.getName())
        .containsExactly("Jane Roe", "Ali Hassan", "Mary O. Doe");
    assertThat(feed("/sections/world/rss.xml").getEntries())
        .extracting(SyndEntry::getTitle)
        .containsExactly(
            "Mountain village switches on its solar microgrid",
            "افتتاح مكتبة جديدة في المدينة القديمة");
    assertThat(feed("/authors/jane-roe/atom.xml").getEntries())
        .extracting(SyndEntry::getTitle)
        .containsExactly("Harbour cranes return to work after the long dispute");
    assertThat(feed("/tags/ports/rss.xml").getEntries()).hasSize(2);
    assertThat(site.get("/sections/nowhere/rss.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void jsonFeed() throws Exception {
    HttpResponse<String> r = site.get("/feed.json");
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/feed+json");
    JsonNode feed = new ObjectMapper().readTree(r.body());
    assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.get("items").findValuesAsText("title")).containsExactlyElementsOf(LISTED);
    assertThat(feed.get("items").get(0).get("authors").findValuesAsText("name"))
        .containsExactly("Jane Roe", "Ali Hassan", "Mary O. Doe");
  }

  @Test
  void pagesAnnounceTheirFeeds() {
    var home = Jsoup.parse(site.get("/").body());
    assertThat(home.select("link[rel=alternate]").eachAttr("href"))
        .containsExactly("/rss.xml", "/atom.xml", "/feed.json");
    var section = Jsoup.parse(site.get("/sections/world").body());
    assertThat(section.select("link[rel=alternate]").eachAttr("href"))
        .containsExactly(
            "/sections/world/rss.xml", "/sections/world/atom.xml", "/sections/world/feed.json");
  }

  @Test
  void sitemapsListOnlyWhatPartnersLicenceLetsUsIndexAndRobotsNamesThem() throws Exception {
    String robots = site.get("/robots.txt").body();
    assertThat(robots)
        .contains("Sitemap: " + TestApp.BASE_URL + "/sitemap.xml")
        .contains("Sitemap: " + TestApp.BASE_URL + "/sitemaps/news.xml")
        .contains("Disallow: /staff/");
    Document index = xml("/sitemap.xml");
    List<String> sitemaps = texts(index, "loc");
    // One sitemap a day (UTC), newest first, from the first published article's day to today.
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(sitemaps)
        .startsWith(
            TestApp.BASE_URL + "/sitemaps/pages.xml",
            TestApp.BASE_URL + "/sitemaps/articles-" + today + ".xml");
    List<String> articles = new java.util.ArrayList<>();
    for (String sitemap : sitemaps.subList(1, sitemaps.size())) {
      articles.addAll(texts(xml(sitemap.substring(TestApp.BASE_URL.length())), "loc"));
    }
    assertThat(site.get("/sitemaps/articles-not-a-day.xml").statusCode()).isEqualTo(404);
    // Issue 12.16: only the days the index lists; huge numbers and far dates are 404, never 500.
    String oldest =
        sitemaps
            .getLast()
            .substring(TestApp.BASE_URL.length() + "/sitemaps/articles-".length())
            .replace(".xml", "");
    String dayBefore = java.time.LocalDate.parse(oldest).minusDays(1).toString();
    String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    for (String day :
        List.of(
            "43000", "2147483648", "+999999999-12-31", "-999999999-01-01", dayBefore, tomorrow)) {
      assertThat(site.get("/sitemaps/articles-" + day + ".xml").statusCode())
          .as(day)
          .isEqualTo(404);
    }
    assertThat(articles)
        .containsExactlyInAnyOrder(
            TestApp.BASE_URL + "/articles/" + f.own.slug(),
            TestApp.BASE_URL + "/articles/" + f.arabic.slug());
    assertThat(texts(xml("/sitemaps/pages.xml"), "loc"))
        .contains(TestApp.BASE_URL + "/", TestApp.BASE_URL + "/sections/world");
    Document news = xml("/sitemaps/news.xml");
    assertThat(
            news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title")
                .getLength())
        .isEqualTo(2);
    assertThat(texts(news, "loc")).doesNotContain(TestApp.BASE_URL + "/articles/" + f.wire.slug());
  }

  static List<String> texts(Document d, String tag) {
    var nodes = d.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", tag);
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
