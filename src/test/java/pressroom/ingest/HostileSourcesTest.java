package pressroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.NewSource;
import pressroom.testing.FakePublisher;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;
import pressroom.web.Access.Role;

/**
 * With the default settings a feed on an internal address is refused before any request, whether a
 * poll or an editor's test of the feed asks for it.
 */
class HostileSourcesTest {
  @Test
  void aFeedOnAnInternalAddressIsRefusedWithAClearError() {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false);
        FakePublisher internal = FakePublisher.start()) {
      internal.serve("/feed.xml", TestFeeds.rss(), "application/rss+xml");
      String id =
          site.app()
              .sources()
              .add(
                  new NewSource(
                      "Internal",
                      internal.url("/feed.xml").toString(),
                      FeedFormat.AUTO,
                      "Syndicated News",
                      null,
                      null,
                      0,
                      Duration.ofMinutes(15),
                      Map.of(),
                      SeoPolicy.CANONICAL,
                      true,
                      0));
      IngestReport r = site.app().poller().runNow(site.app().sources().find(id).orElseThrow());
      assertThat(r.ok()).isFalse();
      assertThat(r.error()).contains("refused").contains("PRESSROOM_INGEST_ALLOW_PRIVATE");
      assertThat(internal.totalRequests()).isZero();
      assertThat(site.app().sources().find(id).orElseThrow().lastError()).contains("refused");
    }
  }

  @Test
  void testingAFeedFromTheBrowserObeysTheSameAddressPolicy() {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false);
        FakePublisher internal = FakePublisher.start()) {
      internal.serve("/feed.xml", TestFeeds.rss(), "application/rss+xml");
      TestApp.Visitor editor =
          site.signedInNewAccount("desk.editor", "a quiet editing room", Role.EDITOR);
      // A site without partners says so, and offers the way to add one.
      org.jsoup.nodes.Document empty = Jsoup.parse(editor.get("/staff/sources").body());
      assertThat(empty.select("main").text()).contains("No partner feeds yet");
      assertThat(empty.select("main a[href=/staff/sources/new]").text()).isEqualTo("Add a source");
      assertThat(empty.select("main").text()).doesNotContain("pressroom sources add");
      java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
      form.put("name", "Internal");
      form.put("url", internal.url("/feed.xml").toString());
      form.put("section", "World");
      form.put("format", "auto");
      form.put("interval", "15m");
      form.put("priority", "0");
      form.put("policy", "canonical");
      form.put("expireAfterDays", "0");
      form.put("action", "preview");
      HttpResponse<String> r = editor.post("/staff/sources/new", form);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(Jsoup.parse(r.body()).select(".feed-preview [role=alert]").text())
          .contains("refused")
          .contains("PRESSROOM_INGEST_ALLOW_PRIVATE");
      assertThat(internal.totalRequests()).isZero();
      assertThat(site.app().sources().findByName("Internal")).isEmpty();
    }
  }
}
