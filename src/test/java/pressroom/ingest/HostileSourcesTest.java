package pressroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.NewSource;
import pressroom.testing.FakePublisher;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;

/** With the default settings a feed on an internal address is refused before any request. */
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
}
