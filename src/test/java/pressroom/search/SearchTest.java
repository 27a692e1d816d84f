package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pressroom.articles.ArticleStatus;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;

/** Search as a reader uses it: the box on every page, the results page and the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {
  TestApp site;
  Fixtures f;

  @BeforeAll
  void start() {
    site = TestApp.start(TestApp.Db.SQLITE, false);
    f = Fixtures.load(site.app());
    // An old article, for the date filters (its own author, no source, none of the words above).
    site.insert(
        Fixtures.article(
            "syndicated-news",
            null,
            "Archive note on the tramway of 1925",
            List.of("Old Hand"),
            "<p>The tramway closed that winter.</p>",
            "en",
            "ltr",
            null,
            Instant.now().minus(400, ChronoUnit.DAYS),
            List.of(),
            ArticleStatus.PUBLISHED));
    site.app().reindex();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  List<String> titles(String q) {
    Document d =
        Jsoup.parse(site.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body());
    return d.select(".item-title").eachText();
  }

  @Test
  void wordsPhrasesExclusionsAndFiltersFindTheRightArticles() {
    assertThat(titles("harbour cranes"))
        .first()
        .isEqualTo("Harbour cranes return to work after the long dispute");
    assertThat(titles("Sanliurfa")).containsExactly("Quiet valley votes on new water rules");
    assertThat(titles("\"solar microgrid\""))
        .containsExactly("Mountain village switches on its solar microgrid");
    assertThat(titles("ports -energy"))
        .containsExactly("Harbour cranes return to work after the long dispute");
    assertThat(titles("author:jane-roe"))
        .containsExactly("Harbour cranes return to work after the long dispute");
    assertThat(titles("section:world"))
        .containsExactlyInAnyOrder(
            "Mountain village switches on its solar microgrid",
            "افتتاح مكتبة جديدة في المدينة القديمة");
    assertThat(titles("source:\"Open Cooperative\" microgrid"))
        .containsExactly("Mountain village switches on its solar microgrid");
  }

  @Test
  void luceneSyntaxIsPlainTextAndNoSearchEverFails() throws Exception {
    for (String q :
        List.of(
            "/.*a.{30}/",
            "a~2",
            "[a TO z]",
            "{a TO z}",
            "\"unclosed",
            "author:",
            "-",
            "--",
            "-energy",
            "harbour*",
            "cran?s",
            "headline:harbour",
            "foo:bar",
            "*:*",
            "((( broken",
            "\\",
            "a^3",
            "&& || !",
            "\"\"",
            "author:\"",
            "section:world -",
            "東京大学".repeat(30),
            "Şanlıurfa \t\n tab",
            "😀",
            "<script>alert(1)</script>")) {
      String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
      assertThat(site.get("/search?q=" + encoded).statusCode())
          .as("/search?q=%s", q)
          .isEqualTo(200);
      var api = site.get("/api/v1/search?q=" + encoded);
      assertThat(api.statusCode()).as("/api/v1/search?q=%s", q).isEqualTo(200);
      assertThat(
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.body()).has("total"))
          .isTrue();
    }
    // Wildcards, regular expressions and fuzziness are characters, not operators.
    assertThat(titles("harbour*"))
        .containsExactly("Harbour cranes return to work after the long dispute");
    assertThat(titles("harb*")).isEmpty();
    assertThat(titles("/harb.*/")).isEmpty();
    assertThat(titles("harbor~1")).isEmpty();
    // An unclosed quote runs to the end; only exclusions ask for nothing.
    assertThat(titles("\"solar microgrid"))
        .containsExactly("Mountain village switches on its solar microgrid");
    assertThat(titles("-energy")).isEmpty();
    assertThat(titles("“solar microgrid”"))
        .containsExactly("Mountain village switches on its solar microgrid");
    // Exclusions of phrases and filters, and exclusions narrowing a filter.
    assertThat(titles("summary -\"solar microgrid\" -section:syndicated-news"))
        .containsExactly("افتتاح مكتبة جديدة في المدينة القديمة");
    assertThat(titles("section:world -\"solar microgrid\""))
        .containsExactly("افتتاح مكتبة جديدة في المدينة القديمة");
    assertThat(titles("SECTION:World microgrid"))
        .containsExactly("Mountain village switches on its solar microgrid");
    assertThat(titles("author:\"Jane Roe\" cranes"))
        .containsExactly("Harbour cranes return to work after the long dispute");
  }

  @Test
  void aSearchLongerThanItsLimitsSaysSo() throws Exception {
    String many = "harbour ".repeat(40).strip();
    Document d = page("/search?q=" + URLEncoder.encode(many, StandardCharsets.UTF_8));
    assertThat(d.select(".item-title").eachText())
        .containsExactly("Harbour cranes return to work after the long dispute");
    assertThat(d.select(".search-shortened").text())
        .isEqualTo("Only the first 32 words of this search were used.");
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                site.get("/api/v1/search?q=" + URLEncoder.encode(many, StandardCharsets.UTF_8))
                    .body());
    assertThat(json.get("shortened").asBoolean()).isTrue();
    assertThat(json.get("total").asLong()).isEqualTo(1);
    assertThat(page("/search?q=harbour").select(".search-shortened")).isEmpty();
    var tooLong = site.get("/search?q=" + "x".repeat(501));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("The search is longer than 500 characters; shorten it.");
  }

  @Test
  void snippetsMarkTheWordsAndNothingHiddenEverShows() {
    Document d = Jsoup.parse(site.get("/search?q=dockers").body());
    assertThat(d.select(".snippet mark").eachText()).contains("Dockers");
    assertThat(titles("withdrawn ferry timetable")).isEmpty();
    assertThat(titles("draft story nobody")).isEmpty();
    assertThat(titles("embargoed budget")).isEmpty();
    Document none = Jsoup.parse(site.get("/search?q=zeppelin").body());
    assertThat(none.text()).contains("No articles match “zeppelin”");
    assertThat(site.get("/search?q=x&page=zero").statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(site.get("/").body()).select("form[role=search] input[name=q]"))
        .hasSize(1);
    assertThat(titles("((( broken \"syntax")).isNotNull();
  }

  @Test
  void theIndexFollowsPublishingAndWithdrawalWithinASecondOrTwo() throws InterruptedException {
    var dao = site.app().articles();
    var s =
        dao.insert(
            Fixtures.story(
                "Lighthouse keepers return to Kestrel Point",
                "<p>The lighthouse at Kestrel Point has keepers again.</p>",
                Instant.now().minusSeconds(5)));
    await("kestrel", true);
    dao.setStatus(s.id(), ArticleStatus.WITHDRAWN);
    await("kestrel", false);
  }

  void await(String q, boolean present) throws InterruptedException {
    pressroom.testing.Eventually.until(
        q + (present ? " found" : " gone"), () -> titles(q).isEmpty() != present);
  }

  Document page(String pathAndQuery) {
    var r = site.get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
    return Jsoup.parse(r.body(), site.url("/"));
  }

  /** The facet group titled {@code title}: "label count" per value, in order. */
  static List<String> facet(Document d, String title) {
    return d.select(".facet").stream()
        .filter(s -> s.selectFirst("h3").text().equals(title))
        .findFirst()
        .map(s -> s.select("li").eachText())
        .orElse(List.of());
  }

  static String link(Document d, String label) {
    return d.select(".facet a").stream()
        .filter(a -> a.text().startsWith(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label))
        .attr("href");
  }

  @Test
  void filtersBesideTheResultsCountWhatEachWouldLeaveAndNarrowWhenChosen() {
    // "summary" is in all five visible articles' summaries.
    Document all = page("/search?q=summary");
    assertThat(all.selectFirst(".result-count").text()).isEqualTo("5 articles");
    assertThat(facet(all, "Section")).containsExactly("Syndicated News 3", "World 2");
    assertThat(facet(all, "Source"))
        .containsExactly("Open Cooperative 2", "Quiet Agency 1", "Test Wire 1");
    assertThat(facet(all, "Author"))
        .contains("Jane Roe 1", "Old Hand 1", "Rêbaz Şêxanî 1")
        .hasSize(8);
    assertThat(facet(all, "Date"))
        .containsExactly("Past 24 hours 4", "Past week 4", "Past month 4", "Past year 4");

    Document world = page(link(all, "World"));
    assertThat(world.select(".item-title").eachText())
        .containsExactlyInAnyOrder(
            "Mountain village switches on its solar microgrid",
            "افتتاح مكتبة جديدة في المدينة القديمة");
    assertThat(world.select(".facet .chosen a[aria-current]").eachText())
        .containsExactly("World ✕ (remove this filter)");
    assertThat(facet(world, "Source")).containsExactly("Open Cooperative 2");
    assertThat(world.select("form.search-form input[type=hidden][name=section]").attr("value"))
        .isEqualTo("world");

    Document worldAndAuthor = page(link(world, "Rêbaz"));
    assertThat(worldAndAuthor.select(".item-title").eachText())
        .containsExactly("Mountain village switches on its solar microgrid");
    Document back =
        page(
            worldAndAuthor.select(".facet .chosen a").stream()
                .filter(a -> a.text().startsWith("World"))
                .findFirst()
                .orElseThrow()
                .attr("href"));
    assertThat(back.select(".item-title").eachText())
        .containsExactly("Mountain village switches on its solar microgrid");
    assertThat(facet(back, "Section")).containsExactly("World 1");

    Document byAuthor = page("/search?author=old-hand");
    assertThat(byAuthor.select(".item-title").eachText())
        .containsExactly("Archive note on the tramway of 1925");
  }

  @Test
  void dateFiltersBySpanAndByRangeInTheSiteTimeZone() {
    Document day = page("/search?q=summary&within=day");
    assertThat(day.select(".item-title").eachText())
        .hasSize(4)
        .doesNotContain("Archive note on the tramway of 1925");
    assertThat(day.select(".facet .chosen").eachText())
        .containsExactly("Past 24 hours ✕ (remove this filter) 4");

    java.time.LocalDate old = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(400);
    Document range = page("/search?q=summary&from=" + old.minusDays(1) + "&to=" + old.plusDays(1));
    assertThat(range.select(".item-title").eachText())
        .containsExactly("Archive note on the tramway of 1925");
    assertThat(range.select(".active-filters a").eachText())
        .containsExactly(
            "Published from " + old.minusDays(1) + " to " + old.plusDays(1) + " ✕ (remove)");
    assertThat(page(range.selectFirst(".active-filters a").attr("href")).select(".item-title"))
        .hasSize(5);
    assertThat(page("/search?q=summary&to=" + old.minusDays(2)).select(".item-title")).isEmpty();
  }

  @Test
  void linksKeepTheSearchAndItsFiltersAndChangeOneThing() {
    var p =
        new SearchParams(
            "dock & port", "world", null, "jane-roe", DateSpan.WEEK, null, null, true, 3);
    assertThat(p.with("page", "4"))
        .isEqualTo(
            "/search?q=dock+%26+port&section=world&author=jane-roe&within=week&sort=newest&page=4");
    assertThat(p.with("section", null))
        .isEqualTo("/search?q=dock+%26+port&author=jane-roe&within=week&sort=newest");
    var ranged =
        new SearchParams(
            "", null, null, null, null, java.time.LocalDate.parse("2026-01-01"), null, false, 1);
    assertThat(ranged.with("dates", "day")).isEqualTo("/search?within=day");
  }

  @Test
  void datesAreTypedAndShownTheSiteWayNotTheBrowsers() {
    for (String typed :
        new String[] {"1 January 2026", "1 Jan 2026", "2026-01-01", "January 1, 2026"}) {
      assertDateReadAs(typed, "1 January 2026");
    }
    for (String typed : new String[] {"6 Sept 2026", "6 Sep 2026", "Sept. 6, 2026"}) {
      assertDateReadAs(typed, "6 September 2026");
    }
    // A range after every article finds none; a range around them finds them.
    assertThat(
            Jsoup.parse(site.get("/search?q=harbour&from=1+January+2099").body())
                .select(".no-results"))
        .hasSize(1);
    assertThat(
            Jsoup.parse(
                    site.get("/search?q=harbour&from=1+January+2000&to=31+December+2099").body())
                .select(".items .item"))
        .isNotEmpty();
  }

  /** The search page reads {@code typed} as the date it then shows as {@code shown}. */
  void assertDateReadAs(String typed, String shown) {
    var res =
        site.get(
            "/search?q=harbour&from="
                + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(res.statusCode()).as(typed).isEqualTo(200);
    Document d = Jsoup.parse(res.body());
    assertThat(d.select("#from").attr("type")).isEqualTo("text");
    assertThat(d.select("#from").attr("value")).as(typed).isEqualTo(shown);
    assertThat(d.select("#from").hasAttr("aria-invalid")).isFalse();
    assertThat(d.select("#date-hint").text()).isEqualTo("e.g. 6 December 2026 or 2026-12-06");
  }

  @Test
  void filterValuesThatCannotBeRightAreAClear400() {
    // The page keeps the search and says what is wrong beside the date field.
    var bad = site.get("/search?q=harbour&from=yesterday");
    assertThat(bad.statusCode()).isEqualTo(400);
    Document badPage = Jsoup.parse(bad.body());
    assertThat(badPage.select("#q-page").attr("value")).isEqualTo("harbour");
    assertThat(badPage.select("#from").attr("value")).isEqualTo("yesterday");
    assertThat(badPage.select("#from").attr("aria-invalid")).isEqualTo("true");
    assertThat(badPage.select("#from-error").text())
        .isEqualTo(
            "“From” date “yesterday” is not a date we can read. Write it like 6 December 2026 or"
                + " 2026-12-06.");
    assertThat(badPage.select(".error-summary[role=alert] a[href=#from]")).hasSize(1);
    assertThat(badPage.select("details.refine").hasAttr("open")).isTrue();
    assertThat(site.get("/search?q=x&within=decade").body())
        .contains("The time span “decade” is not one of: day, week, month, year.");
    assertThat(site.get("/search?q=x&from=2026-02-01&to=2026-01-01").body())
        .contains("The range starts (1 February 2026) after it ends (1 January 2026)");
    assertThat(site.get("/search?q=x&from=30+February+2026").statusCode()).isEqualTo(400);
    assertThat(site.get("/api/v1/search?q=x&from=yesterday").body())
        .contains("The “from” date “yesterday” is not a date like 2026-11-25.");
    var api = site.get("/api/v1/search?q=x&to=31.12.2026");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("is not a date like");
    assertThat(site.get("/search?q=x&sort=random").statusCode()).isEqualTo(400);
  }

  @Test
  void aDateWithAYearNoArticleCanHaveIsRefusedBesideItsFieldNotAServerError() {
    for (String date :
        new String[] {"%2B999999999-12-31", "-300000000-01-01", "%2B99999-01-01", "0000-01-01"}) {
      for (String field : new String[] {"from", "to"}) {
        var page = site.get("/search?q=x&" + field + "=" + date);
        assertThat(page.statusCode()).as(field + "=" + date).isEqualTo(400);
        assertThat(Jsoup.parse(page.body()).select("#" + field + "-error").text())
            .as(field + "=" + date)
            .contains("is not a date we can read");
        var api = site.get("/api/v1/search?q=x&" + field + "=" + date);
        assertThat(api.statusCode()).as("api " + field + "=" + date).isEqualTo(400);
        assertThat(api.body()).contains("is not a date like 2026-11-25");
      }
    }
  }

  @Test
  void aRebuildDropsWhatTheDatabaseNoLongerPublishes() {
    assertThat(titles("dockers")).hasSize(1);
    // Withdrawn behind the site's back (no change-log row): only a rebuild can notice.
    org.jdbi.v3.core.Jdbi.create(site.dbUrl())
        .useHandle(
            h ->
                h.createUpdate("UPDATE articles SET status = 'withdrawn' WHERE id = :id")
                    .bind("id", f.wire.id())
                    .execute());
    try {
      assertThat(titles("dockers")).hasSize(1);
      assertThat(site.app().reindex()).isEqualTo(4);
      assertThat(titles("dockers")).isEmpty();
      assertThat(titles("microgrid")).hasSize(1);
    } finally {
      org.jdbi.v3.core.Jdbi.create(site.dbUrl())
          .useHandle(
              h ->
                  h.createUpdate("UPDATE articles SET status = 'published' WHERE id = :id")
                      .bind("id", f.wire.id())
                      .execute());
      site.app().reindex();
    }
  }

  @Test
  void theSearchApi() throws Exception {
    var r = site.get("/api/v1/search?q=microgrid&section=world");
    assertThat(r.statusCode()).isEqualTo(200);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(json.get("total").asLong()).isEqualTo(1);
    assertThat(json.get("items").get(0).get("url").asText()).isEqualTo("/articles/" + f.own.slug());
    assertThat(json.get("items").get(0).get("source").asText()).isEqualTo("Open Cooperative");
    var facets =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(site.get("/api/v1/search?q=summary").body())
            .get("facets");
    assertThat(facets.get("section").get(0).get("key").asText()).isEqualTo("syndicated-news");
    assertThat(facets.get("section").get(0).get("label").asText()).isEqualTo("Syndicated News");
    assertThat(facets.get("section").get(0).get("count").asLong()).isEqualTo(3);
    assertThat(facets.get("within").get(3).get("count").asLong()).isEqualTo(4);
    var narrowed =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(site.get("/api/v1/search?q=summary&source=quiet-agency").body());
    assertThat(narrowed.get("total").asLong()).isEqualTo(1);
  }
}
