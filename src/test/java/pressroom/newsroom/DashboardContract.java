package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.NewSource;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** The newsroom dashboard as a moderator reads it: failing feeds first, the queue, the charts. */
@RunningSite
abstract class DashboardContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;

  @BeforeAll
  void start() {
    Instant now = site.clock().instant();
    String healthy = source("Steady Wire");
    String failing = source("Broken Wire");
    for (int i = 1; i <= 3; i++) {
      site.app()
          .articles()
          .insert(
              Fixtures.article(
                  "world",
                  healthy,
                  "Steady story " + i,
                  java.util.List.of("Jane Roe"),
                  "<p>Text.</p>",
                  "en",
                  "ltr",
                  null,
                  now.minus(Duration.ofHours(i)),
                  java.util.List.of(),
                  pressroom.articles.ArticleStatus.PUBLISHED));
    }
    site.app()
        .sources()
        .recordFailure(failing, "HTTP 503 from the partner", now, now.plusSeconds(600));
    site.app().accounts().createVerified("desk.mod", "mod@mail.example", PASSWORD, Role.MODERATOR);
    site.app().accounts().createVerified("a.reader", "r@mail.example", PASSWORD, Role.READER);
    // A new reader's first comment waits for a moderator.
    site.signedIn("a.reader", PASSWORD)
        .post("/articles/" + f.wire.slug() + "/comments", Map.of("body", "A first comment"));
  }

  String source(String name) {
    return site.app()
        .sources()
        .add(
            new NewSource(
                name,
                "https://" + name.replace(' ', '-').toLowerCase() + ".example/feed.xml",
                FeedFormat.AUTO,
                "world",
                "From " + name,
                "https://" + name.replace(' ', '-').toLowerCase() + ".example/",
                0,
                Duration.ofMinutes(15),
                Map.of(),
                SeoPolicy.CANONICAL,
                true,
                0));
  }

  @Test
  void aModeratorSeesFailingFeedsFirstTheQueueAndAWeekOfCounts() {
    HttpResponse<String> r = site.signedIn("desk.mod", PASSWORD).get("/staff");
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());

    Element first = d.selectFirst("table.sources > tbody > tr");
    assertThat(first.child(0).text()).isEqualTo("Broken Wire");
    assertThat(first.hasClass("failing")).isTrue();
    assertThat(first.text()).contains("HTTP 503 from the partner");

    Element steady =
        d.select("table.sources > tbody > tr").stream()
            .filter(tr -> tr.child(0).text().equals("Steady Wire"))
            .findFirst()
            .orElseThrow();
    assertThat(steady.selectFirst("svg title").text()).startsWith("Steady Wire: 3 in 7 days");
    assertThat(steady.select("svg path").attr("d")).isNotBlank();
    // The table behind the chart: seven spans of 24 hours that add up to the three items.
    assertThat(steady.select(".chart-table tbody tr")).hasSize(7);
    assertThat(
            steady.select(".chart-table tbody tr td:nth-child(2)").eachText().stream()
                .mapToLong(Long::parseLong)
                .sum())
        .isEqualTo(3);
    assertThat(steady.text()).contains("h ago");

    assertThat(d.selectFirst(".dash-figure").text()).startsWith("1 comment waits for a moderator");
    assertThat(d.select(".dash-community svg title").text()).startsWith("Comments: 1 in 7 days");
    assertThat(d.select(".account-nav a[href=/staff]").text()).isEqualTo("Newsroom");
  }

  @Test
  void readersAndVisitorsDoNotGetIt() {
    assertThat(site.signedIn("a.reader", PASSWORD).get("/staff").statusCode()).isEqualTo(403);
    assertThat(site.newVisitor().get("/staff").statusCode()).isEqualTo(403);
  }
}
