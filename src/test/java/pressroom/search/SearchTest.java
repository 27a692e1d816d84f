package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    f = Fixtures.load(site.app().articles());
    site.app().reindex();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  List<String> titles(String q) {
    Document d = Jsoup.parse(site.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body());
    return d.select(".item-title").eachText();
  }

  @Test
  void wordsPhrasesExclusionsAndFiltersFindTheRightArticles() {
    assertThat(titles("harbour cranes")).first().isEqualTo("Harbour cranes return to work after the long dispute");
    assertThat(titles("Sanliurfa")).containsExactly("Quiet valley votes on new water rules");
    assertThat(titles("\"solar microgrid\"")).containsExactly("Mountain village switches on its solar microgrid");
    assertThat(titles("ports -energy")).containsExactly("Harbour cranes return to work after the long dispute");
    assertThat(titles("author:jane-roe")).containsExactly("Harbour cranes return to work after the long dispute");
    assertThat(titles("section:world")).containsExactlyInAnyOrder("Mountain village switches on its solar microgrid", "افتتاح مكتبة جديدة في المدينة القديمة");
    assertThat(titles("source:\"Open Cooperative\" microgrid")).containsExactly("Mountain village switches on its solar microgrid");
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
    assertThat(Jsoup.parse(site.get("/").body()).select("form[role=search] input[name=q]")).hasSize(1);
    assertThat(titles("((( broken \"syntax")).isNotNull();
  }

  @Test
  void theIndexFollowsPublishingAndWithdrawalWithinASecondOrTwo() throws InterruptedException {
    var dao = site.app().articles();
    var s = dao.insert(Fixtures.article("world", null, "Lighthouse keepers return to Kestrel Point", List.of("Jane Roe"),
        "<p>The lighthouse at Kestrel Point has keepers again.</p>", "en", "ltr", null, Instant.now().minusSeconds(5), List.of(), ArticleStatus.PUBLISHED));
    await("kestrel", true);
    dao.setStatus(s.id(), ArticleStatus.WITHDRAWN);
    await("kestrel", false);
  }

  void await(String q, boolean present) throws InterruptedException {
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (titles(q).isEmpty() == present) {
      assertThat(System.nanoTime()).as(q + (present ? " found" : " gone") + " in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void theSearchApi() throws Exception {
    var r = site.get("/api/v1/search?q=microgrid&section=world");
    assertThat(r.statusCode()).isEqualTo(200);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(json.get("total").asLong()).isEqualTo(1);
    assertThat(json.get("items").get(0).get("url").asText()).isEqualTo("/articles/" + f.own.slug());
  }
}
